using System.Diagnostics;
using EfficiencyDashboard.Core.Runs;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Runner.Execution;

/// <summary>
/// Measures one model: creates the session on the requested provider, warms up, then times every query
/// until both the minimum duration and the minimum query count are reached.
/// </summary>
public sealed class InferenceBenchmark(IExecutionProviderLoader providers)
{
    private static readonly long ProgressIntervalTicks = Stopwatch.Frequency / 5;

    public BenchmarkMeasurement Measure(
        string modelPath, BenchmarkSettings settings, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new BenchmarkProgress(BenchmarkPhase.Loading, 0, 0, null, 0));
        var threads = settings.IntraOpThreads > 0 ? settings.IntraOpThreads : Environment.ProcessorCount;
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        var (actualProvider, fallbackReason) = AppendProvider(options, settings);
        using var session = OpenSession(modelPath, options);
        using var inputs = InputTensors.Create(session.InputMetadata, settings.BatchSize, settings.InputShapes, settings.InputSeed);
        using var runOptions = new RunOptions();
        using var terminate = cancellationToken.Register(() => runOptions.Terminate = true);
        using var outputs = AllocateOutputs(session, runOptions, inputs, cancellationToken);

        progress?.Report(new BenchmarkProgress(BenchmarkPhase.WarmingUp, 0, 0, null, 0));
        for (var i = 0; i < settings.WarmupQueries; i++)
        {
            Infer(session, runOptions, inputs, outputs, cancellationToken);
        }

        var (latencies, starts, measuredTicks) = MeasureWindow(session, runOptions, inputs, outputs, settings, progress, cancellationToken);
        var toMs = 1000.0 / Stopwatch.Frequency;
        return new BenchmarkMeasurement(
            [.. latencies.Select(t => t * toMs)],
            [.. starts.Select(t => t * toMs)],
            measuredTicks / (double)Stopwatch.Frequency,
            settings.BatchSize,
            actualProvider,
            fallbackReason,
            OrtEnv.Instance().GetVersionString(),
            threads);
    }

    private static (long[] Latencies, long[] Starts, long MeasuredTicks) MeasureWindow(
        InferenceSession session, RunOptions runOptions, InputTensors inputs, OutputTensors outputs,
        BenchmarkSettings settings, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken)
    {
        var durationTicks = (long)(settings.DurationSeconds * Stopwatch.Frequency);
        var latencies = new long[Math.Max(settings.MinQueries, 1024)];
        var starts = new long[latencies.Length];
        var count = 0;
        var windowStart = Stopwatch.GetTimestamp();
        var lastReport = windowStart;
        var end = windowStart;
        while (end - windowStart < durationTicks || count < settings.MinQueries)
        {
            if (count == latencies.Length)
            {
                // Rare: the buffers double, so growth costs nothing per query on average.
                Array.Resize(ref latencies, count * 2);
                Array.Resize(ref starts, count * 2);
            }

            var start = Stopwatch.GetTimestamp();
            Infer(session, runOptions, inputs, outputs, cancellationToken);
            end = Stopwatch.GetTimestamp();
            latencies[count] = end - start;
            starts[count] = start - windowStart;
            count++;

            if (progress is not null && end - lastReport >= ProgressIntervalTicks)
            {
                lastReport = end;
                progress.Report(ProgressOf(end - windowStart, durationTicks, count, settings.MinQueries));
            }
        }

        var measured = end - windowStart;
        progress?.Report(new BenchmarkProgress(BenchmarkPhase.Measuring, 1, measured / (double)Stopwatch.Frequency, 0, count));
        return (latencies[..count], starts[..count], measured);
    }

    private static BenchmarkProgress ProgressOf(long elapsedTicks, long durationTicks, int queries, int minQueries)
    {
        var timeFraction = durationTicks > 0 ? Math.Min(1, elapsedTicks / (double)durationTicks) : 1;
        var queryFraction = Math.Min(1, queries / (double)minQueries);
        var fraction = Math.Min(timeFraction, queryFraction);
        var elapsed = elapsedTicks / (double)Stopwatch.Frequency;
        double? eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : null;
        return new BenchmarkProgress(BenchmarkPhase.Measuring, fraction, elapsed, eta, queries);
    }

    private static void Infer(InferenceSession session, RunOptions runOptions, InputTensors inputs, OutputTensors outputs, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            session.Run(runOptions, inputs.Names, inputs.Values, outputs.Names, outputs.Values);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            // The terminate flag aborted the inference; report it as the cancellation it is.
            throw new OperationCanceledException(cancellationToken);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new RunnerException($"ONNX Runtime failed to run the model: {ex.Message}", ex);
        }
    }

    private static OutputTensors AllocateOutputs(InferenceSession session, RunOptions runOptions, InputTensors inputs, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            // One unmeasured inference learns the output shapes, so the measured loop can write into fixed buffers.
            using var probe = session.Run(runOptions, inputs.Names, inputs.Values, [.. session.OutputNames]);
            return OutputTensors.LikeProbe(session.OutputNames, probe);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new RunnerException($"The model does not run with these inputs: {ex.Message}", ex);
        }
    }

    private (ExecutionProvider Actual, string? FallbackReason) AppendProvider(SessionOptions options, BenchmarkSettings settings)
    {
        try
        {
            providers.Append(options, settings.ExecutionProvider);
            return (settings.ExecutionProvider, null);
        }
        catch (ExecutionProviderUnavailableException ex)
        {
            var reason = $"The {settings.ExecutionProvider.DisplayName()} execution provider could not be loaded: {ex.Message}";
            if (!settings.AllowCpuFallback)
            {
                throw new RunnerException(reason + " Allow CPU fallback to run on the CPU instead.", ex);
            }

            return (ExecutionProvider.Cpu, reason);
        }
    }

    private static InferenceSession OpenSession(string modelPath, SessionOptions options)
    {
        if (!File.Exists(modelPath))
        {
            throw new RunnerException($"The model file '{modelPath}' does not exist.");
        }

        try
        {
            return new InferenceSession(modelPath, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new RunnerException($"ONNX Runtime could not load the model: {ex.Message}", ex);
        }
    }
}
