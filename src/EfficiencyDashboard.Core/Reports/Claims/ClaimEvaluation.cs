namespace EfficiencyDashboard.Core.Reports.Claims;

/// <summary>A claim checked against its evidence.</summary>
/// <param name="Claim">The claim.</param>
/// <param name="Verdict">Supported, Contradicted or NotEnoughEvidence.</param>
/// <param name="EvidenceLow">Low end of the combined evidence interval (lowest end of any evidence); null without evidence.</param>
/// <param name="EvidenceHigh">High end of the combined evidence interval; null without evidence.</param>
/// <param name="Reason">The verdict in one sentence, saying when measured and reference evidence disagree.</param>
/// <param name="Evidence">The evidence considered.</param>
public sealed record ClaimEvaluation(Claim Claim, ClaimVerdict Verdict, double? EvidenceLow, double? EvidenceHigh, string Reason, IReadOnlyList<Evidence> Evidence);
