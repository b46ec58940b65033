namespace EfficiencyDashboard.Core.Reports;

/// <summary>The two-year reference gain of an MLPerf benchmark: per-accelerator throughput and system samples per joule.</summary>
/// <param name="Selection">The results compared.</param>
/// <param name="AsOf">The date asked for; the latest round on or before it is the current one.</param>
/// <param name="Throughput">Best throughput per accelerator.</param>
/// <param name="SamplesPerJoule">Best samples per joule of a whole system (Offline power results only).</param>
public sealed record MlperfTwoYearGain(MlperfSelection Selection, DateOnly AsOf, MlperfRoundComparison Throughput, MlperfRoundComparison SamplesPerJoule);
