using EfficiencyDashboard.Core.Reports.Claims;

namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>One of the article's claims checked against this install's runs and the reference data.</summary>
/// <param name="Id">The claim id (<c>algorithm-quantization</c>).</param>
/// <param name="Text">The claim in the article's words.</param>
/// <param name="Topic">What the claim credits the gain to.</param>
/// <param name="ClaimedLow">Low end of the claimed factor.</param>
/// <param name="ClaimedHigh">High end of the claimed factor.</param>
/// <param name="ClaimedRange">The claimed range as written (<c>2-3x</c>).</param>
/// <param name="Verdict">Supported, contradicted or not enough evidence (rule on <see cref="ClaimEvaluator.Evaluate"/>).</param>
/// <param name="Reason">The verdict in one or two sentences.</param>
/// <param name="EvidenceLow">Low end of all evidence (measured and reference); null without evidence.</param>
/// <param name="EvidenceHigh">High end of all evidence; null without evidence.</param>
/// <param name="MeasuredFactor">Geometric mean of the measured factors; null without measured evidence.</param>
/// <param name="MeasuredLow">Low end of the measured evidence's intervals; null without measured evidence.</param>
/// <param name="MeasuredHigh">High end of the measured evidence's intervals; null without measured evidence.</param>
/// <param name="MeasuredRule">Which runs count as measured evidence for this claim, and how they are paired.</param>
/// <param name="Evidence">Every figure considered, measured first.</param>
public sealed record ClaimReport(
    string Id,
    string Text,
    ClaimTopic Topic,
    double ClaimedLow,
    double ClaimedHigh,
    string ClaimedRange,
    ClaimVerdict Verdict,
    string Reason,
    double? EvidenceLow,
    double? EvidenceHigh,
    double? MeasuredFactor,
    double? MeasuredLow,
    double? MeasuredHigh,
    string MeasuredRule,
    IReadOnlyList<ClaimEvidence> Evidence);
