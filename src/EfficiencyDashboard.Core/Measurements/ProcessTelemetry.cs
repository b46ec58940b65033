using EfficiencyDashboard.Core.Measurements;

namespace EfficiencyDashboard.Core.Measurements;

/// <summary>What the runner's own process used during the measured window.</summary>
/// <param name="PeakRssBytes">Highest resident set size sampled in the window (at least every 100 ms), in bytes.</param>
/// <param name="ProcessPeakRssBytes">Highest resident set size since the process started (VmHWM), in bytes; null off Linux.</param>
/// <param name="CpuUtilization">Process CPU time over wall time times logical cores, 0 to 1: 1 means every core was busy.</param>
/// <param name="CpuSeconds">Process CPU time (user + system, all threads) spent in the window.</param>
/// <param name="WallSeconds">Length of the window.</param>
/// <param name="LogicalCores">Cores the utilisation is relative to.</param>
public sealed record ProcessTelemetry(
    long? PeakRssBytes,
    long? ProcessPeakRssBytes,
    double CpuUtilization,
    double CpuSeconds,
    double WallSeconds,
    int LogicalCores);
