using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Core.Reports.Claims;

namespace EfficiencyDashboard.Core.Tests.Reports;

public sealed class ClaimEvaluatorTests
{
    private static Evidence Measured(double factor, double low, double high) =>
        new(factor, low, high, ProvenanceKind.Measured, ["run-1", "run-2"], "int8 against fp32 on the test GPU");

    [Fact]
    public void Evidence_overlapping_the_claimed_range_supports_it()
    {
        var evaluation = ClaimEvaluator.Evaluate(ArticleClaims.Quantization, [Measured(1.9, 1.7, 2.1), Evidence.Reference(2.0, "pytorch.org", "ResNet-50 INT8")]);

        Assert.Equal(ClaimVerdict.Supported, evaluation.Verdict);
        Assert.Equal((1.7, 2.1), (evaluation.EvidenceLow!.Value, evaluation.EvidenceHigh!.Value));
        Assert.Contains("overlaps the claimed 2-3x", evaluation.Reason);
        Assert.DoesNotContain("disagree", evaluation.Reason);
    }

    [Fact]
    public void Evidence_entirely_outside_the_claimed_range_contradicts_it()
    {
        var below = ClaimEvaluator.Evaluate(ArticleClaims.OverallTwoYears, [Evidence.Reference(1.2, "MLPerf", "resnet50"), Evidence.Reference(1.6, "MLPerf", "bert-99")]);
        var above = ClaimEvaluator.Evaluate(ArticleClaims.Distillation, [Measured(1.8, 1.6, 2.0)]);

        Assert.Equal(ClaimVerdict.Contradicted, below.Verdict);
        Assert.Equal("The evidence (1.20-1.60x, 2 reference figures) lies entirely below the claimed 3x.", below.Reason);
        Assert.Equal(ClaimVerdict.Contradicted, above.Verdict);
        Assert.Contains("entirely above the claimed 1.2-1.5x", above.Reason);
    }

    [Fact]
    public void A_confidence_interval_that_reaches_the_range_is_enough()
    {
        var evaluation = ClaimEvaluator.Evaluate(ArticleClaims.Pruning, [Measured(1.3, 1.1, 1.5)]);

        Assert.Equal(ClaimVerdict.Supported, evaluation.Verdict);
    }

    [Fact]
    public void No_evidence_is_not_enough()
    {
        var evaluation = ClaimEvaluator.Evaluate(ArticleClaims.MobileNet, []);

        Assert.Equal(ClaimVerdict.NotEnoughEvidence, evaluation.Verdict);
        Assert.Null(evaluation.EvidenceLow);
        Assert.Contains("No measured or reference evidence", evaluation.Reason);
    }

    [Fact]
    public void Disagreeing_measured_and_reference_evidence_is_called_out()
    {
        var evaluation = ClaimEvaluator.Evaluate(ArticleClaims.Quantization, [Measured(1.2, 1.1, 1.3), Evidence.Reference(2.5, "paper", "on another GPU")]);

        Assert.Equal(ClaimVerdict.Supported, evaluation.Verdict);
        Assert.Contains("measured (1.10-1.30x) and reference (2.50x) evidence disagree", evaluation.Reason);
        Assert.EndsWith(".", evaluation.Reason);
    }
}
