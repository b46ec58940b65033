using EfficiencyDashboard.Core.Measurements;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>What the telemetry saw during the measured window; GPU figures are null on CPU runs.</summary>
public sealed record TelemetryView(
    double? MeanGpuPowerW,
    long? PeakGpuMemoryBytes,
    double? MeanGpuUtilizationPercent,
    long? ProcessPeakRssBytes,
    double? ProcessCpuUtilization,
    GpuTelemetry? Gpu);
