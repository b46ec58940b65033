using System.Diagnostics;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Telemetry;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Runner.Execution;

/// <summary>
/// Checks that the runner measures ONNX Runtime and not itself. In one process, on the same model, session options
/// and seeded inputs, alternately runs (a) a bare loop, the plain <c>InferenceSession.Run</c> with pre-allocated
/// values and a Stopwatch around each call, and (b) <see cref="InferenceBenchmark"/> in SingleStream, and compares
/// their median latencies, the runner's own cost per query, and its reported throughput against a recomputation.
/// </summary>
public sealed class OverheadBenchmark(IExecutionProviderLoader providers, INvml nvml)
{
    /// <summary>An overhead benchmark that reads the real NVML (when the driver is installed).</summary>
    public OverheadBenchmark(IExecutionProviderLoader providers)
        : this(providers, Nvml.Shared)
    {
    }

    /// <summary>Runs <paramref name="rounds"/> rounds of <paramref name="queriesPerRound"/> measured queries per loop.</summary>
    /// <param name="modelPath">The model to run.</param>
    /// <param name="settings">Provider, batch, threads, warm-up and inputs; the duration and scenario are ignored.</param>
    /// <param name="rounds">Rounds; the loop that runs first alternates, so neither always runs on a warmer machine.</param>
    /// <param name="queriesPerRound">Measured queries per loop per round.</param>
    /// <param name="cancellationToken">Stops between queries.</param>
    public OverheadReport Compare(string modelPath, BenchmarkSettings settings, int rounds, int queriesPerRound, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(queriesPerRound, 1);
        var runnerSettings = settings with { Scenario = Scenario.SingleStream, DurationSeconds = 0, MinQueries = queriesPerRound };
        var benchmark = new InferenceBenchmark(providers, nvml);
        var bareMedians = new List<double>();
        var runnerMedians = new List<double>();
        var ratios = new List<double>();
        var costsUs = new List<double>();
        var consistent = true;
        BenchmarkMeasurement? last = null;
        for (var round = 0; round < rounds; round++)
        {
            double bare = 0;
            BenchmarkMeasurement? measured = null;
            for (var turn = 0; turn < 2; turn++)
            {
                if ((turn == 0) == (round % 2 == 0))
                {
                    bare = Median(BareLoop(modelPath, runnerSettings, queriesPerRound, cancellationToken));
                }
                else
                {
                    measured = benchmark.Measure(modelPath, runnerSettings, null, cancellationToken);
                }
            }

            var runner = Median(measured!.LatenciesMs);
            bareMedians.Add(bare);
            runnerMedians.Add(runner);
            ratios.Add(runner / bare);
            costsUs.Add((measured.MeasuredSeconds * 1e3 - measured.LatenciesMs.Sum()) * 1e3 / measured.QueryCount);
            consistent &= Math.Abs(measured.ThroughputPerSecond / Recomputed(measured) - 1) <= 0.01;
            last = measured;
        }

        return new OverheadReport(
            rounds, queriesPerRound, Median(bareMedians), Median(runnerMedians), Median(ratios), ratios, Median(costsUs),
            last!.ThroughputPerSecond, Recomputed(last), consistent);
    }

    /// <summary>Completed samples over the wall time from the first query's start to the last query's end.</summary>
    private static double Recomputed(BenchmarkMeasurement measurement)
    {
        var wallMs = measurement.StartOffsetsMs[^1] + measurement.LatenciesMs[^1] - measurement.StartOffsetsMs[0];
        return measurement.SampleCount / (wallMs / 1000);
    }

    private double[] BareLoop(string modelPath, BenchmarkSettings settings, int queries, CancellationToken cancellationToken)
    {
        using var setup = SessionSetup.Create(providers, settings);
        using var session = new InferenceSession(modelPath, setup.Options);
        using var inputs = InputTensors.Create(session.InputMetadata, settings.BatchSize, settings.InputShapes, settings.InputSeed);
        using var runOptions = new RunOptions();
        using var probe = session.Run(runOptions, inputs.Names, inputs.Values, [.. session.OutputNames]);
        using var outputs = OutputTensors.LikeProbe(session.OutputNames, probe);
        for (var i = 0; i < settings.WarmupQueries; i++)
        {
            session.Run(runOptions, inputs.Names, inputs.Values, outputs.Names, outputs.Values);
        }

        var latenciesMs = new double[queries];
        for (var i = 0; i < queries; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = Stopwatch.GetTimestamp();
            session.Run(runOptions, inputs.Names, inputs.Values, outputs.Names, outputs.Values);
            latenciesMs[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return latenciesMs;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
