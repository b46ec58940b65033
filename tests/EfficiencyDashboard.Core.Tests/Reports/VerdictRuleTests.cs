using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Core.Reports.Aggregates;
using EfficiencyDashboard.Core.Reports.Claims;

namespace EfficiencyDashboard.Core.Tests.Reports;

/// <summary>Hand-made evidence for every branch of the verdict rule, against the article's "Pruning: 1.5-2x".</summary>
public sealed class VerdictRuleTests
{
    private static readonly Claim Pruning = ArticleClaims.Pruning;

    [Fact]
    public void An_estimate_inside_the_range_with_an_interval_is_supported()
    {
        var (verdict, reason) = VerdictRule.Judge(Pruning, Estimate(1.7, 1.55, 1.9));

        Assert.Equal(ClaimVerdict.Supported, verdict);
        Assert.Contains("lies within the claimed 1.5-2x", reason);
    }

    [Theory]
    [InlineData(1.09, 0.9, 1.3, ClaimVerdict.ContradictedBelow, "below")]
    [InlineData(2.6, 2.2, 3.1, ClaimVerdict.ContradictedAbove, "above")]
    public void An_interval_entirely_outside_the_range_contradicts_it_with_its_direction(double factor, double low, double high, ClaimVerdict expected, string direction)
    {
        var (verdict, reason) = VerdictRule.Judge(Pruning, Estimate(factor, low, high));

        Assert.Equal(expected, verdict);
        Assert.Contains($"entirely {direction}", reason);
    }

    [Fact]
    public void No_evidence_no_interval_or_an_interval_reaching_into_the_range_from_outside_is_not_enough()
    {
        Assert.Equal(ClaimVerdict.NotEnoughEvidence, VerdictRule.Judge(Pruning, null).Verdict);
        Assert.Equal(ClaimVerdict.NotEnoughEvidence, VerdictRule.Judge(Pruning, new CentralEstimate(1.7, null, null, 1, "one run each")).Verdict);
        var (straddling, reason) = VerdictRule.Judge(Pruning, Estimate(1.09, 0.5, 1.6));
        Assert.Equal(ClaimVerdict.NotEnoughEvidence, straddling);
        Assert.Contains("more runs would decide", reason);
    }

    [Fact]
    public void The_old_min_max_rule_supported_pruning_at_1_09x_and_the_central_estimate_does_not()
    {
        // The case: 31 comparisons from 0.28x to 1.99x, geometric mean 1.09x. One above the range's low end was
        // enough for "supported" under the min-max rule.
        var factors = Enumerable.Range(0, 31).Select(i => Math.Exp(Math.Log(0.28) + i * (Math.Log(1.99) - Math.Log(0.28)) / 30 * 0.93)).ToList();
        var units = factors.Select((f, i) => EvidenceUnit.Published($"setting {i}", f)).ToList();

        var estimate = CentralEstimate.Of(units)!;

        Assert.InRange(estimate.Factor, 0.6, 1.2);
        Assert.True(estimate.CiHigh95 < Pruning.ClaimedLow, $"{estimate}");
        Assert.Equal(ClaimVerdict.ContradictedBelow, VerdictRule.Judge(Pruning, estimate).Verdict);
    }

    [Fact]
    public void Groups_that_disagree_give_a_mixed_verdict_naming_where_it_holds_and_where_not()
    {
        VerdictGroup[] groups =
        [
            new("int8 Transformer on CPU (host), batch 1", Estimate(1.8, 1.6, 1.95)),
            new("int8 ResNet on CPU (host), batch 1", Estimate(1.1, 1.0, 1.2)),
            new("int8 MobileNet on CPU (host), batch 1", new CentralEstimate(1.4, null, null, 1, "one run each")),
        ];

        var judgement = VerdictRule.Judge(Pruning, Estimate(1.4, 1.1, 1.8), groups);

        Assert.Equal(ClaimVerdict.Mixed, judgement.Verdict);
        Assert.Equal(["int8 Transformer on CPU (host), batch 1"], judgement.Holds);
        Assert.Equal(["int8 ResNet on CPU (host), batch 1 (below)"], judgement.Fails);
        Assert.StartsWith("Holds for int8 Transformer on CPU (host), batch 1; not for int8 ResNet on CPU (host), batch 1 (below).", judgement.Reason);
    }

    [Fact]
    public void Groups_that_agree_leave_the_verdict_to_the_pooled_estimate()
    {
        VerdictGroup[] groups = [new("a", Estimate(1.7, 1.5, 1.9)), new("b", Estimate(1.8, 1.55, 1.95))];

        Assert.Equal(ClaimVerdict.Supported, VerdictRule.Judge(Pruning, Estimate(1.75, 1.6, 1.9), groups).Verdict);
    }

    [Fact]
    public void Ten_runs_of_one_model_weigh_as_much_as_one_run_of_another()
    {
        // Model A: ten runs a side at 3.0x; models B, C and D: one run a side each at 1.5x.
        var baseline = Runs(Enumerable.Repeat(100.0, 10).Select((v, i) => v + i * 0.1));
        var target = Runs(Enumerable.Repeat(300.0, 10).Select((v, i) => v + i * 0.3));
        var many = EvidenceUnit.From("A", [GainEstimate.FromRunMoments(baseline, target)]);
        var once = Enumerable.Range(0, 3).Select(i => EvidenceUnit.From($"{(char)('B' + i)}", [GainEstimate.FromRunMoments(LogMoments.Of(100), LogMoments.Of(150))]));

        var pooled = CentralEstimate.Of([many, .. once])!;

        Assert.Equal(4, pooled.Units);
        Assert.Equal(Math.Pow(3.0 * 1.5 * 1.5 * 1.5, 0.25), pooled.Factor, 3);
    }

    [Fact]
    public void One_unit_has_its_welch_interval_and_one_measured_once_a_side_has_none()
    {
        var repeated = GainEstimate.FromRunMoments(Runs([100, 104, 98]), Runs([170, 176, 181]));

        var withRuns = CentralEstimate.Of([EvidenceUnit.From("A", [repeated])])!;
        var once = CentralEstimate.Of([EvidenceUnit.From("A", [GainEstimate.FromRunMoments(LogMoments.Of(100), LogMoments.Of(170))])])!;

        Assert.Equal(repeated.CiLow95!.Value, withRuns.CiLow95!.Value, 9);
        Assert.Equal(repeated.CiHigh95!.Value, withRuns.CiHigh95!.Value, 9);
        Assert.False(once.HasInterval);
        Assert.Contains("no interval", once.Method);
    }

    [Fact]
    public void Units_that_happen_to_agree_never_get_an_interval_narrower_than_their_runs_allow()
    {
        // Two models with identical factors but noisy runs: the spread between them is zero, their own noise is not.
        var noisy = GainEstimate.FromRunMoments(Runs([80, 120]), Runs([140, 210]));
        var units = new[] { EvidenceUnit.From("A", [noisy]), EvidenceUnit.From("B", [noisy]) };

        var pooled = CentralEstimate.Of(units)!;

        Assert.True(pooled.CiLow95 < noisy.Factor * 0.9 && pooled.CiHigh95 > noisy.Factor * 1.1, $"{pooled}");
        Assert.Contains("noise", pooled.Method);
    }

    [Fact]
    public void A_model_compared_with_two_baselines_counts_once_with_the_mean_of_its_log_gains()
    {
        var unit = EvidenceUnit.From("MobileNetV2 against ResNet-18 and VGG-16",
            [GainEstimate.FromRunMoments(LogMoments.Of(100), LogMoments.Of(200)), GainEstimate.FromRunMoments(LogMoments.Of(100), LogMoments.Of(800))]);

        Assert.Equal(Math.Log(4), unit.LogFactor, 12);
        Assert.Null(unit.LogStandardError);
    }

    private static CentralEstimate Estimate(double factor, double low, double high) => new(factor, low, high, 3, "hand-made");

    private static LogMoments Runs(IEnumerable<double> throughputs) => throughputs.Aggregate(default(LogMoments), (m, v) => m + LogMoments.Of(v));
}
