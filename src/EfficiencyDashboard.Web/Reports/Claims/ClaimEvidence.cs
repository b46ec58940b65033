using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Core.Reports.Claims;

namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>One figure bearing on a claim, labelled measured or reference, with what it comes from.</summary>
/// <param name="Provenance">Measured (this install's runs) or Reference (a public figure).</param>
/// <param name="Factor">The gain as a factor.</param>
/// <param name="CiLow">Low end of its 95% confidence interval; null when it has none.</param>
/// <param name="CiHigh">High end of its 95% confidence interval; null when it has none.</param>
/// <param name="Description">What the figure compares, in one sentence.</param>
/// <param name="Method">How a measured factor and its interval were computed; null for reference figures.</param>
/// <param name="Sources">Reference sources, or the run ids as text.</param>
/// <param name="Runs">For a measured figure, the newest and fastest run of each side, linked to their pages.</param>
/// <param name="Group">The group of settings (hardware, provider, precision, family, batch) a measured figure belongs to.</param>
/// <param name="Counted">Whether the verdict counts it; false for throughput-only comparisons that are not like with like.</param>
/// <param name="Note">Why it is not counted, or another caveat.</param>
/// <param name="BaselineRuns">Runs behind the baseline side (measured).</param>
/// <param name="TargetRuns">Runs behind the target side (measured).</param>
/// <param name="InvalidRuns">How many of those runs are INVALID (0 unless the report includes them).</param>
public sealed record ClaimEvidence(
    ProvenanceKind Provenance,
    double Factor,
    double? CiLow,
    double? CiHigh,
    string Description,
    string? Method,
    IReadOnlyList<string> Sources,
    IReadOnlyList<EvidenceRun> Runs,
    string? Group = null,
    bool Counted = true,
    string? Note = null,
    int BaselineRuns = 0,
    int TargetRuns = 0,
    int InvalidRuns = 0)
{
    /// <summary>A reference figure as Core gives it.</summary>
    public static ClaimEvidence FromReference(Evidence evidence, bool counted) =>
        new(evidence.Provenance, evidence.Factor, evidence.CiLow, evidence.CiHigh, evidence.Description, null, evidence.ProvenanceIds, [],
            Counted: counted, Note: counted ? null : "Reference: shown beside the measured evidence, which decides the verdict.");

    /// <summary>A measured comparison, with its runs linked.</summary>
    public static ClaimEvidence FromMeasured(MeasuredComparison c)
    {
        List<EvidenceRun> runs =
        [
            .. c.BaselineRuns.RunIds.Select((id, i) => new EvidenceRun(id, $"/runs/{id}", c.Baseline.Name, i == 0 ? "baseline, newest" : "baseline, fastest")),
            .. c.TargetRuns.RunIds.Select((id, i) => new EvidenceRun(id, $"/runs/{id}", c.Target.Name, i == 0 ? "target, newest" : "target, fastest")),
        ];
        var invalid = c.BaselineRuns.InvalidRuns + c.TargetRuns.InvalidRuns;
        var description = $"Throughput of {c.Describe()}: {c.TargetRuns.Runs} target and {c.BaselineRuns.Runs} baseline runs" +
            (invalid > 0 ? $", {invalid} of them INVALID." : ".");
        return new ClaimEvidence(ProvenanceKind.Measured, c.SpeedUp.Factor, c.SpeedUp.CiLow95, c.SpeedUp.CiHigh95, description, c.SpeedUp.Method,
            [.. runs.Select(r => $"run {r.Id}")], runs, c.GroupLabel, c.Counted, c.Note, c.BaselineRuns.Runs, c.TargetRuns.Runs, invalid);
    }
}
