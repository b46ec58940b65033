using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>The measured metrics of a run and their provenance. Every figure here was measured by the runner.</summary>
/// <param name="Inputs">What the model was fed: tokenized sentences, normalised images, or generated values.</param>
/// <param name="SamplesPerJoule">Efficiency: 1 / energy per inference; null when energy was not measured.</param>
/// <param name="EnergyScope">What the energy figure covers: gpu-board, cpu-package, whole-system or none.</param>
/// <param name="CpuPackageEnergyJ">The CPU packages' energy over the window (RAPL), whatever the provider; never a GPU's energy.</param>
/// <param name="ActualProviders">The providers that did model work, for example "tensorrt + cuda".</param>
/// <param name="HostContention">Other work on the runner's cores during the window, by source; null for runs measured before it was recorded.</param>
public sealed record RunResultView(
    double LatencyP50Ms,
    double LatencyP90Ms,
    double LatencyP95Ms,
    double LatencyP99Ms,
    double LatencyP999Ms,
    double LatencyMeanMs,
    double LatencyStdDevMs,
    double LatencyCv,
    double LatencyMinMs,
    double LatencyMaxMs,
    string? HeadlinePercentile,
    int QueryCount,
    long SampleCount,
    int WarmupQueriesCompleted,
    string? Inputs,
    double MeasuredSeconds,
    double ThroughputPerSecond,
    ValidityView Validity,
    double? EnergyPerInferenceJ,
    double? TotalEnergyJ,
    double? SamplesPerJoule,
    EnergySource EnergySource,
    EnergyScope EnergyScope,
    string EnergyReason,
    double? CpuPackageEnergyJ,
    string? CpuPackageEnergyNote,
    TelemetryView Telemetry,
    NodePlacementReport? NodePlacement,
    ServerResult? Server,
    ExecutionProvider ActualExecutionProvider,
    string? ActualProviders,
    string? FallbackReason,
    HostContention? HostContention,
    bool HostBusy,
    RunProvenanceView Provenance)
{
    public static RunResultView From(RunResult r) => new(
        r.LatencyP50Ms, r.LatencyP90Ms, r.LatencyP95Ms, r.LatencyP99Ms, r.LatencyP999Ms, r.LatencyMeanMs, r.LatencyStdDevMs, r.LatencyCv,
        r.LatencyMinMs, r.LatencyMaxMs, r.HeadlinePercentile, r.QueryCount, r.SampleCount, r.WarmupQueriesCompleted, r.Inputs, r.MeasuredSeconds,
        r.ThroughputPerSecond, new ValidityView(r.IsValid, r.IsValid ? "VALID" : "INVALID", r.ValidityReasons),
        r.EnergyPerInferenceJ, r.TotalEnergyJ, r.EnergyPerInferenceJ is > 0 and var j ? 1 / j : null, r.EnergySource, r.EnergyScope, r.EnergyReason,
        r.CpuPackageEnergyJ, r.CpuPackageEnergyNote,
        new TelemetryView(r.MeanGpuPowerW, r.PeakGpuMemoryBytes, r.MeanGpuUtilizationPercent, r.ProcessPeakRssBytes, r.ProcessCpuUtilization, r.Gpu),
        r.NodePlacement, r.Server, r.ActualExecutionProvider, r.ActualProviders, r.FallbackReason, r.HostContention, r.HostBusy,
        new RunProvenanceView(
            r.OnnxRuntimeVersion, r.IntraOpThreads, r.MachineName, r.CpuModel, r.LogicalCores, r.OperatingSystem, r.RuntimeVersion, r.MeasuredAtUtc, r.RunnerCores));
}
