using EfficiencyDashboard.Core.Hardware;

namespace EfficiencyDashboard.Web.Reports.HardwareReport;

/// <summary>A machine of this install, as detected, with how many runs succeeded on it.</summary>
/// <param name="GpuName">The first GPU's name; null when none was seen (<paramref name="GpuUnavailableReason"/> says why).</param>
/// <param name="AcceleratorName">The matched datasheet in the accelerator catalog; null when the GPU matches none.</param>
public sealed record HardwareRow(
    int Id,
    string MachineName,
    string CpuModel,
    int LogicalCores,
    string? GpuName,
    int GpuCount,
    string? GpuUnavailableReason,
    IReadOnlyList<ProviderLoad> ExecutionProviders,
    string? AcceleratorName,
    int SucceededRuns,
    DateTime LastSeenAtUtc);
