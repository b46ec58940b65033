using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Core.Reports.Claims;

namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>One of the article's claims checked against this install's runs and the reference data.</summary>
/// <param name="Id">The claim id (<c>algorithm-quantization</c>).</param>
/// <param name="Text">The claim in the article's words.</param>
/// <param name="Topic">What the claim credits the gain to.</param>
/// <param name="ClaimedLow">Low end of the claimed factor.</param>
/// <param name="ClaimedHigh">High end of the claimed factor.</param>
/// <param name="ClaimedRange">The claimed range as written (<c>2-3x</c>).</param>
/// <param name="Verdict">By <see cref="VerdictRule.Text"/>.</param>
/// <param name="Reason">The verdict in a few sentences, naming the groups of a mixed verdict.</param>
/// <param name="Estimate">The pooled central estimate the verdict rests on; null without evidence.</param>
/// <param name="EstimateFrom">Measured or Reference: which evidence the estimate pools; Missing without evidence.</param>
/// <param name="Groups">The measured evidence by group of settings, each with its estimate and verdict.</param>
/// <param name="Hardware">The measured evidence on the CPU and on GPUs apart.</param>
/// <param name="Coverage">"Covers the CPU only" and the like when some hardware has no run; null when both have.</param>
/// <param name="SettlingRuns">For a claim without enough evidence, the runs that would settle it (startable from the page).</param>
/// <param name="SettleNote">What else it would take (a variant to make, two years of runs), or null.</param>
/// <param name="MeasuredRule">Which runs count as measured evidence for this claim, and how they are paired.</param>
/// <param name="Evidence">Every figure considered, measured first; those left out of the verdict say why.</param>
public sealed record ClaimReport(
    string Id,
    string Text,
    ClaimTopic Topic,
    double ClaimedLow,
    double ClaimedHigh,
    string ClaimedRange,
    ClaimVerdict Verdict,
    string Reason,
    CentralEstimate? Estimate,
    ProvenanceKind EstimateFrom,
    IReadOnlyList<ClaimGroup> Groups,
    IReadOnlyList<HardwareBreakdown> Hardware,
    string? Coverage,
    IReadOnlyList<SettlingRun> SettlingRuns,
    string? SettleNote,
    string MeasuredRule,
    IReadOnlyList<ClaimEvidence> Evidence);
