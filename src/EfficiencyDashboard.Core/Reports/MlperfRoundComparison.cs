namespace EfficiencyDashboard.Core.Reports;

/// <summary>One metric's best figure in a recent MLPerf round against its best figure in the round closest to two years earlier.</summary>
/// <param name="Metric">What is compared, with its unit (<c>best throughput per accelerator (Samples per second)</c>).</param>
/// <param name="Current">Best figure of the latest round on or before the date asked for; null when there is none.</param>
/// <param name="Earlier">Best figure of the earlier round; null when there is none.</param>
/// <param name="Gain">Current / earlier; null when either is missing.</param>
/// <param name="SpanYears">Years between the two rounds' publication dates (rounds are not exactly two years apart).</param>
/// <param name="GainPerTwoYears">The gain scaled to exactly two years at the same yearly rate, Gain^(2 / SpanYears).</param>
/// <param name="Description">The comparison in one sentence: the rounds used, the figures, the systems and the gain, or why there is none.</param>
public sealed record MlperfRoundComparison(
    string Metric,
    MlperfRoundFigure? Current,
    MlperfRoundFigure? Earlier,
    double? Gain,
    double? SpanYears,
    double? GainPerTwoYears,
    string Description);
