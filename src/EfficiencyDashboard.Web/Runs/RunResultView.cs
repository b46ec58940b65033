using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>The measured metrics of a run and their provenance. Every figure here was measured by the runner.</summary>
/// <param name="Inputs">What the model was fed: tokenized sentences, normalised images, or generated values.</param>
/// <param name="SamplesPerJoule">Efficiency: 1 / energy per inference; null when energy was not measured.</param>
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
    string EnergyReason,
    TelemetryView Telemetry,
    NodePlacementReport? NodePlacement,
    ServerResult? Server,
    ExecutionProvider ActualExecutionProvider,
    string? FallbackReason,
    RunProvenanceView Provenance)
{
    public static RunResultView From(RunResult r) => new(
        r.LatencyP50Ms, r.LatencyP90Ms, r.LatencyP95Ms, r.LatencyP99Ms, r.LatencyP999Ms, r.LatencyMeanMs, r.LatencyStdDevMs, r.LatencyCv,
        r.LatencyMinMs, r.LatencyMaxMs, r.HeadlinePercentile, r.QueryCount, r.SampleCount, r.WarmupQueriesCompleted, r.Inputs, r.MeasuredSeconds,
        r.ThroughputPerSecond, new ValidityView(r.IsValid, r.IsValid ? "VALID" : "INVALID", r.ValidityReasons),
        r.EnergyPerInferenceJ, r.TotalEnergyJ, r.EnergyPerInferenceJ is > 0 and var j ? 1 / j : null, r.EnergySource, r.EnergyReason,
        new TelemetryView(r.MeanGpuPowerW, r.PeakGpuMemoryBytes, r.MeanGpuUtilizationPercent, r.ProcessPeakRssBytes, r.ProcessCpuUtilization, r.Gpu),
        r.NodePlacement, r.Server, r.ActualExecutionProvider, r.FallbackReason,
        new RunProvenanceView(r.OnnxRuntimeVersion, r.IntraOpThreads, r.MachineName, r.CpuModel, r.LogicalCores, r.OperatingSystem, r.RuntimeVersion, r.MeasuredAtUtc));
}
