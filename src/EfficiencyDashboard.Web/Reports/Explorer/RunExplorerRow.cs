using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Reports.Explorer;

/// <summary>One run as the explorer lists it; result figures are null when the run has no result (measured values only).</summary>
/// <param name="HostContentionCores">Other work on the runner's cores during the window, in cores; null when not measured.</param>
/// <param name="HostBusy">Whether the run failed the host-busy check.</param>
public sealed record RunExplorerRow(
    long Id,
    DateTime CreatedAtUtc,
    string ModelName,
    ModelFamily Family,
    Technique? Technique,
    ExecutionProvider RequestedProvider,
    ExecutionProvider? ActualProvider,
    Scenario Scenario,
    int BatchSize,
    RunStatus Status,
    bool? IsValid,
    double? LatencyP50Ms,
    double? LatencyP99Ms,
    double? ThroughputPerSecond,
    double? EnergyPerInferenceJ,
    string? MachineName,
    double? HostContentionCores = null,
    bool? HostBusy = null)
{
    /// <summary>Samples per joule: 1 / energy per inference; null when no energy was measured.</summary>
    public double? SamplesPerJoule => EnergyPerInferenceJ is double j && j > 0 ? 1 / j : null;
}
