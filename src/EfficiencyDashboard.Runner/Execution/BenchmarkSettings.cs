using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Runner.Execution;

/// <summary>How to measure one model: provider, batch size and when the measured window may end.</summary>
public sealed record BenchmarkSettings(
    ExecutionProvider ExecutionProvider,
    int BatchSize,
    double DurationSeconds,
    int MinQueries,
    int WarmupQueries,
    bool AllowCpuFallback = false,
    IReadOnlyDictionary<string, int[]>? InputShapes = null,
    int IntraOpThreads = 0,
    int InputSeed = 1234)
{
    public static BenchmarkSettings From(Run run, int intraOpThreads) => new(
        run.ExecutionProvider, run.BatchSize, run.DurationSeconds, run.MinQueries, run.WarmupQueries,
        run.AllowCpuFallback, run.InputShapes, intraOpThreads);
}
