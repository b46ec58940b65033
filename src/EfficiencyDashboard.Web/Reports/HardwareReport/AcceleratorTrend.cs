using EfficiencyDashboard.Core.Reports;

namespace EfficiencyDashboard.Web.Reports.HardwareReport;

/// <summary>One accelerator's best MLPerf figures, one per round, oldest round first. Reference data.</summary>
/// <param name="Accelerator">Catalog name where the submitter's name matches the accelerator catalog, else as submitted.</param>
/// <param name="Rounds">Best per-accelerator throughput and best whole-system samples per joule of each round.</param>
public sealed record AcceleratorTrend(string Accelerator, IReadOnlyList<MlperfRoundBest> Rounds);
