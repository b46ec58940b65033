using System.Globalization;

namespace EfficiencyDashboard.Core.Reports.Claims;

/// <summary>Checks a claim against evidence.</summary>
public static class ClaimEvaluator
{
    /// <summary>
    /// The verdict on <paramref name="claim"/>. Each piece of evidence spans its 95% confidence interval, or its factor
    /// alone when it has none; the combined evidence interval runs from the lowest to the highest end of any of them.
    /// No evidence: NotEnoughEvidence. The combined interval overlaps the claimed range (ends included): Supported.
    /// It lies entirely below or above: Contradicted. The rule is deliberately lenient to the claim: one figure inside the
    /// range is enough to support it, and it is contradicted only when every figure falls outside. When there is both
    /// measured and reference evidence and their intervals do not overlap, the reason says that they disagree.
    /// </summary>
    public static ClaimEvaluation Evaluate(Claim claim, IReadOnlyList<Evidence> evidence)
    {
        if (evidence.Any(e => e.Provenance == ProvenanceKind.Missing))
        {
            throw new ArgumentException("Evidence is measured or reference; a missing figure is no evidence.", nameof(evidence));
        }

        if (evidence.Count == 0)
        {
            return new ClaimEvaluation(claim, ClaimVerdict.NotEnoughEvidence, null, null,
                $"No measured or reference evidence bears on the claimed {claim.ClaimedRange} yet.", evidence);
        }

        var (low, high) = Span(evidence);
        var range = $"the evidence ({Range(low, high)}, {Count(evidence)})";
        var (verdict, reason) =
            high < claim.ClaimedLow ? (ClaimVerdict.Contradicted, $"{Capitalise(range)} lies entirely below the claimed {claim.ClaimedRange}")
            : low > claim.ClaimedHigh ? (ClaimVerdict.Contradicted, $"{Capitalise(range)} lies entirely above the claimed {claim.ClaimedRange}")
            : low >= claim.ClaimedLow && high <= claim.ClaimedHigh ? (ClaimVerdict.Supported, $"{Capitalise(range)} lies within the claimed {claim.ClaimedRange}")
            : (ClaimVerdict.Supported, $"{Capitalise(range)} overlaps the claimed {claim.ClaimedRange} in part");

        return new ClaimEvaluation(claim, verdict, low, high, reason + Disagreement(evidence) + ".", evidence);
    }

    private static string Disagreement(IReadOnlyList<Evidence> evidence)
    {
        var measured = evidence.Where(e => e.Provenance == ProvenanceKind.Measured).ToList();
        var reference = evidence.Where(e => e.Provenance == ProvenanceKind.Reference).ToList();
        if (measured.Count == 0 || reference.Count == 0)
        {
            return "";
        }

        var (mLow, mHigh) = Span(measured);
        var (rLow, rHigh) = Span(reference);
        return mHigh < rLow || rHigh < mLow
            ? $"; measured ({Range(mLow, mHigh)}) and reference ({Range(rLow, rHigh)}) evidence disagree"
            : "";
    }

    private static (double Low, double High) Span(IEnumerable<Evidence> evidence) =>
        (evidence.Min(e => e.IntervalLow), evidence.Max(e => e.IntervalHigh));

    private static string Range(double low, double high) =>
        Math.Round(low, 2) == Math.Round(high, 2)
            ? string.Create(CultureInfo.InvariantCulture, $"{low:0.00}x")
            : string.Create(CultureInfo.InvariantCulture, $"{low:0.00}-{high:0.00}x");

    private static string Count(IReadOnlyList<Evidence> evidence)
    {
        var measured = evidence.Count(e => e.Provenance == ProvenanceKind.Measured);
        var reference = evidence.Count - measured;
        var parts = new List<string>();
        if (measured > 0)
        {
            parts.Add($"{measured} measured");
        }

        if (reference > 0)
        {
            parts.Add($"{reference} reference");
        }

        return string.Join(" and ", parts) + (evidence.Count == 1 ? " figure" : " figures");
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
