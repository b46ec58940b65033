using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Runner.Execution;

/// <summary>How to measure one model: provider, batch size, load scenario and when the measured window may end.</summary>
/// <param name="ExecutionProvider">The provider to run on.</param>
/// <param name="BatchSize">Samples per query.</param>
/// <param name="DurationSeconds">Minimum measured time; the window also needs <paramref name="MinQueries"/>.</param>
/// <param name="MinQueries">
/// Minimum measured queries; the window also needs <paramref name="DurationSeconds"/>. Offline: the minimum sample
/// count, as LoadGen reads min_query_count for its one Offline query.
/// </param>
/// <param name="WarmupQueries">Queries run and discarded before measuring.</param>
/// <param name="AllowCpuFallback">When the provider cannot load, run on the CPU (and say so) instead of failing.</param>
/// <param name="InputShapes">Values for dynamic dimensions other than the batch, by input name.</param>
/// <param name="IntraOpThreads">ONNX Runtime intra-op threads; 0 means one per logical core.</param>
/// <param name="InputSeed">Seed of the generated inputs.</param>
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
    /// <summary>How queries are issued; SingleStream unless set.</summary>
    public Scenario Scenario { get; init; } = Scenario.SingleStream;

    /// <summary>
    /// Server scenario: mean arrival rate of the Poisson process, in queries per second. Offline: the samples per second
    /// the run expects (LoadGen's offline_expected_qps), which sizes the sample set; 0 estimates it from the warm-up.
    /// </summary>
    public double TargetQps { get; init; }

    /// <summary>Server scenario: the bound the 99th percentile latency must hold, in milliseconds.</summary>
    public double LatencyBoundMs { get; init; }

    /// <summary>Minimum warm-up time in seconds, on top of <see cref="WarmupQueries"/>; 0 for none.</summary>
    public double WarmupSeconds { get; init; }

    /// <summary>Server scenario: seed of the arrival schedule; equal seeds give identical schedules.</summary>
    public int ScheduleSeed { get; init; } = 2024;

    /// <summary>In a GPU session, profile one unmeasured inference to list nodes ONNX Runtime placed on the CPU.</summary>
    public bool CheckNodePlacement { get; init; } = true;

    /// <summary>
    /// Real inputs for one query (tokenized sentences, normalised images), used instead of generated values when given.
    /// Their batch dimension must equal <see cref="BatchSize"/>.
    /// </summary>
    public Inputs.InputBatch? Inputs { get; init; }

    /// <summary>The settings of a queued run, scenario and rates included; set real inputs with <c>with</c>.</summary>
    public static BenchmarkSettings From(Run run, int intraOpThreads) => new(
        run.ExecutionProvider, run.BatchSize, run.DurationSeconds, run.MinQueries, run.WarmupQueries,
        run.AllowCpuFallback, run.InputShapes, intraOpThreads)
    {
        Scenario = run.Scenario,
        TargetQps = run.TargetQps ?? 0,
        LatencyBoundMs = run.LatencyBoundMs ?? 0,
    };

    /// <summary>Throws a <see cref="RunnerException"/> that says what is wrong when the settings cannot be measured.</summary>
    public void Validate()
    {
        if (BatchSize < 1)
        {
            throw new RunnerException($"The batch size must be at least 1, not {BatchSize}.");
        }

        if (Scenario == Scenario.Server && !(TargetQps > 0 && double.IsFinite(TargetQps)))
        {
            throw new RunnerException("The Server scenario needs a target rate (targetQps) above 0.");
        }

        if (Scenario == Scenario.Server && !(LatencyBoundMs > 0 && double.IsFinite(LatencyBoundMs)))
        {
            throw new RunnerException("The Server scenario needs a latency bound (latencyBoundMs) above 0.");
        }

        if (Scenario == Scenario.Offline && !(TargetQps >= 0 && double.IsFinite(TargetQps)))
        {
            throw new RunnerException("The Offline scenario's expected rate (targetQps) must be 0 (estimate it) or above.");
        }
    }
}
