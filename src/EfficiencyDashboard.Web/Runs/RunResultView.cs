using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>The measured metrics of a run and their provenance. Every figure here was measured by the runner.</summary>
public sealed record RunResultView(
    double LatencyP50Ms,
    double LatencyP90Ms,
    double LatencyP99Ms,
    double LatencyMeanMs,
    double LatencyMinMs,
    double LatencyMaxMs,
    int QueryCount,
    long SampleCount,
    double MeasuredSeconds,
    double ThroughputPerSecond,
    ExecutionProvider ActualExecutionProvider,
    string? FallbackReason,
    RunProvenanceView Provenance)
{
    public static RunResultView From(RunResult r) => new(
        r.LatencyP50Ms, r.LatencyP90Ms, r.LatencyP99Ms, r.LatencyMeanMs, r.LatencyMinMs, r.LatencyMaxMs,
        r.QueryCount, r.SampleCount, r.MeasuredSeconds, r.ThroughputPerSecond, r.ActualExecutionProvider, r.FallbackReason,
        new RunProvenanceView(r.OnnxRuntimeVersion, r.IntraOpThreads, r.MachineName, r.CpuModel, r.LogicalCores, r.OperatingSystem, r.RuntimeVersion, r.MeasuredAtUtc));
}
