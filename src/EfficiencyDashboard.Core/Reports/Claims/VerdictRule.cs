using System.Globalization;

namespace EfficiencyDashboard.Core.Reports.Claims;

/// <summary>The rule that turns central estimates into a verdict, as the overview writes it.</summary>
public static class VerdictRule
{
    /// <summary>The rule in one paragraph, shown on the overview and in the API.</summary>
    public const string Text =
        "Each comparison is the ratio of geometric-mean throughput of the target's and the baseline's VALID runs in one setting " +
        "(same machine, provider as run, batch size, scenario and input shapes; Server runs never count). Evidence is grouped by " +
        "hardware, provider, precision, architecture family and batch size; each model-and-setting counts once, however often it " +
        "ran. A group's estimate is the geometric mean of its comparisons with a 95% interval: from repeated runs (Welch) for a " +
        "single comparison, else a t-interval over the comparisons; a model measured once on a side gives no interval. The pooled " +
        "estimate does the same over every comparison. Verdict: mixed when at least one group supports the claim and another " +
        "contradicts it (both named); otherwise supported when the pooled estimate lies in the claimed range (so its interval " +
        "overlaps it), contradicted (below or above) when the whole interval lies below or above the range, and not enough evidence " +
        "when there is no comparison, no interval, or an interval that reaches into the range while the estimate lies outside it. " +
        "Without measured evidence the published figures are pooled the same way, each counted once.";

    /// <summary>The verdict of one estimate against the claimed range.</summary>
    public static (ClaimVerdict Verdict, string Reason) Judge(Claim claim, CentralEstimate? estimate)
    {
        if (estimate is null)
        {
            return (ClaimVerdict.NotEnoughEvidence, $"No evidence bears on the claimed {claim.ClaimedRange} yet.");
        }

        if (estimate is not { CiLow95: { } low, CiHigh95: { } high })
        {
            return (ClaimVerdict.NotEnoughEvidence,
                $"The estimate {Factor(estimate.Factor)} has no interval ({estimate.Method}); it cannot confirm or refute the claimed {claim.ClaimedRange}.");
        }

        var stated = $"The estimate {Factor(estimate.Factor)} (95% interval {Factor(low)}-{Factor(high)}, {Units(estimate.Units)})";
        return high < claim.ClaimedLow ? (ClaimVerdict.ContradictedBelow, $"{stated} lies entirely below the claimed {claim.ClaimedRange}.")
            : low > claim.ClaimedHigh ? (ClaimVerdict.ContradictedAbove, $"{stated} lies entirely above the claimed {claim.ClaimedRange}.")
            : estimate.Factor >= claim.ClaimedLow && estimate.Factor <= claim.ClaimedHigh
                ? (ClaimVerdict.Supported, $"{stated} lies within the claimed {claim.ClaimedRange}.")
                : (ClaimVerdict.NotEnoughEvidence, $"{stated} lies outside the claimed {claim.ClaimedRange}, but its interval reaches into it: more runs would decide.");
    }

    /// <summary>The verdict of a claim from its pooled estimate and its groups' (see <see cref="Text"/>).</summary>
    public static ClaimJudgement Judge(Claim claim, CentralEstimate? pooled, IReadOnlyList<VerdictGroup> groups)
    {
        var judged = groups.Select(g => (g.Label, Verdict: Judge(claim, g.Estimate).Verdict)).ToList();
        var holds = judged.Where(g => g.Verdict == ClaimVerdict.Supported).Select(g => g.Label).ToList();
        var fails = judged.Where(g => g.Verdict.IsContradiction())
            .Select(g => $"{g.Label} ({(g.Verdict == ClaimVerdict.ContradictedBelow ? "below" : "above")})").ToList();
        if (holds.Count > 0 && fails.Count > 0)
        {
            return new ClaimJudgement(ClaimVerdict.Mixed,
                $"Holds for {string.Join("; ", holds)}; not for {string.Join("; ", fails)}. Pooled: {pooled}.", holds, fails);
        }

        var (verdict, reason) = Judge(claim, pooled);
        return new ClaimJudgement(verdict, reason, holds, fails);
    }

    private static string Factor(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    private static string Units(int units) => units == 1 ? "1 model and setting" : $"{units} models and settings";
}
