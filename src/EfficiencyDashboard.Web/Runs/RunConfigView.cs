using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>What a run was asked to measure.</summary>
public sealed record RunConfigView(
    int ModelId,
    string? ModelName,
    ExecutionProvider ExecutionProvider,
    Scenario Scenario,
    int BatchSize,
    double DurationSeconds,
    int MinQueries,
    int WarmupQueries,
    bool AllowCpuFallback,
    IReadOnlyDictionary<string, int[]> InputShapes,
    string Device,
    double? TargetQps,
    double? LatencyBoundMs,
    bool StrictValidity,
    int? HardwareId)
{
    public static RunConfigView From(Run run) => new(
        run.ModelId, run.Model?.Name, run.ExecutionProvider, run.Scenario, run.BatchSize, run.DurationSeconds,
        run.MinQueries, run.WarmupQueries, run.AllowCpuFallback, run.InputShapes, run.Device, run.TargetQps, run.LatencyBoundMs,
        run.StrictValidity, run.HardwareId);
}
