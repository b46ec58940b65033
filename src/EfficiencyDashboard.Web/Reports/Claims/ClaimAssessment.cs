using System.Globalization;
using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Core.Reports.Claims;

namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>
/// A claim's verdict from its evidence, by <see cref="VerdictRule"/>: the measured comparisons pooled into central
/// estimates (each model-and-setting once, per group and overall, and apart for the CPU and GPUs); the published figures
/// only when nothing was measured. Pure: the same evidence always gives the same verdict.
/// </summary>
public static class ClaimAssessment
{
    /// <summary>What the evidence says of <paramref name="claim"/>; runs that would settle it are added by the caller.</summary>
    /// <param name="comparisons">Measured comparisons, counted or shown only (throughput-only pairs).</param>
    /// <param name="measuredFigures">Other measured figures (the two-year headlines), each a unit without interval.</param>
    /// <param name="reference">Published figures.</param>
    public static ClaimReport Assess(
        Claim claim, string measuredRule, IReadOnlyList<MeasuredComparison> comparisons, IReadOnlyList<ClaimEvidence> measuredFigures,
        IReadOnlyList<Evidence> reference)
    {
        var counted = comparisons.Where(c => c.Counted).ToList();
        var units = Units(counted);
        units.AddRange(measuredFigures.Where(f => f.Counted).Select(f => EvidenceUnit.Published(f.Description, f.Factor)));
        var fromMeasured = units.Count > 0;
        if (!fromMeasured)
        {
            units = [.. reference.Select(r => EvidenceUnit.Published(r.Description, r.Factor))];
        }

        var groups = counted.GroupBy(c => c.GroupKey)
            .Select(g => (First: g.First(), Estimate: CentralEstimate.Of(Units(g))!, Count: g.Count()))
            .Select(g => new ClaimGroup(g.First.GroupLabel, g.First.Hardware, g.First.Setting.Provider, g.First.Target.Precision, g.First.Target.Family,
                g.First.Setting.BatchSize, g.Estimate, VerdictRule.Judge(claim, g.Estimate).Verdict, g.Count))
            .OrderBy(g => g.Provider).ThenBy(g => g.Hardware, StringComparer.Ordinal).ThenBy(g => g.Precision, StringComparer.Ordinal)
            .ThenBy(g => g.Family).ThenBy(g => g.BatchSize)
            .ToList();
        var pooled = CentralEstimate.Of(units);
        var judgement = VerdictRule.Judge(claim, pooled, [.. groups.Select(g => new VerdictGroup(g.Label, g.Estimate))]);
        var reason = fromMeasured ? judgement.Reason : reference.Count > 0 ? $"No measured evidence yet; from the published figures alone: {judgement.Reason}" : judgement.Reason;
        if (fromMeasured && reference.Count > 0)
        {
            var published = Math.Exp(reference.Average(r => Math.Log(r.Factor)));
            reason += string.Create(CultureInfo.InvariantCulture, $" Published figures (reference, not counted): geometric mean {published:0.00}x of {reference.Count}.");
        }

        var hardware = new[] { ("CPU", false), ("GPU", true) }
            .Select(h => (h.Item1, Estimate: CentralEstimate.Of(Units(counted.Where(c => c.OnGpu == h.Item2)))))
            .Select(h => new HardwareBreakdown(h.Item1, h.Estimate, VerdictRule.Judge(claim, h.Estimate).Verdict))
            .ToList();
        var coverage = counted.Count == 0 ? null
            : counted.All(c => !c.OnGpu) ? "Covers the CPU only: no GPU run bears on it."
            : counted.All(c => c.OnGpu) ? "Covers GPUs only: no CPU run bears on it."
            : null;
        if (coverage is not null)
        {
            reason += " " + coverage;
        }

        List<ClaimEvidence> evidence =
        [
            .. comparisons.OrderByDescending(c => c.Counted).Select(ClaimEvidence.FromMeasured),
            .. measuredFigures,
            .. reference.Select(r => ClaimEvidence.FromReference(r, counted: !fromMeasured)),
        ];
        return new ClaimReport(claim.Id, claim.Text, claim.Topic, claim.ClaimedLow, claim.ClaimedHigh, claim.ClaimedRange,
            judgement.Verdict, reason, pooled, pooled is null ? ProvenanceKind.Missing : fromMeasured ? ProvenanceKind.Measured : ProvenanceKind.Reference,
            groups, hardware, coverage, [], null, measuredRule, evidence);
    }

    /// <summary>Each model-and-setting once: its comparisons (against one baseline or several) make one unit.</summary>
    private static List<EvidenceUnit> Units(IEnumerable<MeasuredComparison> comparisons) =>
        [.. comparisons.GroupBy(c => c.Unit)
            .Select(g => EvidenceUnit.From($"{g.First().Target.Name} ({g.Key.Setting.Describe()}, {g.First().Hardware})", [.. g.Select(c => c.SpeedUp)]))];
}
