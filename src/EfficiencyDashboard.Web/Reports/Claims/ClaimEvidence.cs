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
/// <param name="Runs">For a measured figure, the runs on each side, linked to their pages.</param>
public sealed record ClaimEvidence(
    ProvenanceKind Provenance,
    double Factor,
    double? CiLow,
    double? CiHigh,
    string Description,
    string? Method,
    IReadOnlyList<string> Sources,
    IReadOnlyList<EvidenceRun> Runs)
{
    /// <summary>A reference figure as Core gives it.</summary>
    public static ClaimEvidence FromReference(Evidence evidence) =>
        new(evidence.Provenance, evidence.Factor, evidence.CiLow, evidence.CiHigh, evidence.Description, null, evidence.ProvenanceIds, []);

    /// <summary>The evidence as the evaluator takes it.</summary>
    public Evidence ToEvidence() => new(Factor, CiLow, CiHigh, Provenance, Sources, Description);
}
