using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Telemetry;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Runner.Execution;

/// <summary>
/// Measures one model: creates the session on the requested provider, checks where its nodes run (GPU sessions),
/// warms up, then issues queries as the scenario says while telemetry samples the GPU, the CPU packages' energy, the
/// process and the other work on the runner's cores. Every query of the window is timed around the inference call alone.
/// </summary>
public sealed class InferenceBenchmark
{
    private readonly IExecutionProviderLoader _providers;
    private readonly INvml _nvml;
    private readonly RaplEnergyMeter _rapl;
    private readonly HostContentionMeter _contention;

    /// <summary>A benchmark that reads the real NVML (when the driver is installed), RAPL and /proc.</summary>
    public InferenceBenchmark(IExecutionProviderLoader providers)
        : this(providers, Nvml.Shared)
    {
    }

    /// <summary>A benchmark that reads GPU telemetry from <paramref name="nvml"/>.</summary>
    public InferenceBenchmark(IExecutionProviderLoader providers, INvml nvml)
        : this(providers, nvml, new RaplEnergyMeter())
    {
    }

    /// <summary>A benchmark with the GPU and CPU energy sources given, and no web process named in the contention figures.</summary>
    public InferenceBenchmark(IExecutionProviderLoader providers, INvml nvml, RaplEnergyMeter rapl)
        : this(providers, nvml, rapl, new HostContentionMeter())
    {
    }

    /// <summary>A benchmark with every telemetry source given.</summary>
    public InferenceBenchmark(IExecutionProviderLoader providers, INvml nvml, RaplEnergyMeter rapl, HostContentionMeter contention)
    {
        _providers = providers;
        _nvml = nvml;
        _rapl = rapl;
        _contention = contention;
    }

    /// <summary>Measures <paramref name="modelPath"/> as <paramref name="settings"/> say.</summary>
    /// <exception cref="RunnerException">The model, the settings or the provider cannot be measured; the message says why.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public BenchmarkMeasurement Measure(
        string modelPath, BenchmarkSettings settings, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken)
    {
        settings.Validate();
        progress?.Report(new BenchmarkProgress(BenchmarkPhase.Loading, 0, 0, null, 0));
        // Drawn before loading, so an impossible schedule fails fast and drawing it costs the window nothing.
        var schedule = settings.Scenario == Scenario.Server
            ? PoissonSchedule.Create(settings.TargetQps, settings.DurationSeconds, settings.MinQueries, settings.ScheduleSeed)
            : null;
        using var setup = SessionSetup.Create(_providers, settings);
        var placement = CheckPlacement(modelPath, setup, settings);
        // The threads a session starts are its intra-op pool: with the calling thread, the runner's own CPU time.
        var threadsBefore = _contention.ThreadIds();
        using var session = PreparedSession.Open(modelPath, setup.Options, settings, cancellationToken);
        var runnerThreads = _contention.ThreadIds().Except(threadsBefore).Append(_contention.CurrentThreadId() ?? 0).Where(t => t > 0).ToArray();

        progress?.Report(new BenchmarkProgress(BenchmarkPhase.WarmingUp, 0, 0, null, 0));
        var warmup = WarmUp.Run(session, settings, cancellationToken);
        // LoadGen sizes the Offline set from the rate the system expects: the request's, or failing that the warm-up's.
        var offline = settings.Scenario == Scenario.Offline;
        var expectedRate = offline ? (settings.TargetQps > 0 ? settings.TargetQps : warmup.SamplesPerSecond) : null;
        var offlineSamples = offline ? OfflineSampleSet.Size(expectedRate, settings.DurationSeconds, settings.MinQueries, settings.BatchSize) : 0;

        var onGpu = setup.ActualProvider != ExecutionProvider.Cpu;
        var gpuNotSampled = onGpu ? null : "Not sampled: the run executed on the CPU, so GPU energy is not the run's.";
        QueryTimings timings;
        TelemetrySummary telemetry;
        using (var window = TelemetryWindow.Start(_nvml, _rapl, _contention, runnerThreads, gpuNotSampled))
        {
            timings = settings.Scenario switch
            {
                Scenario.Server => ServerQueries.Run(session, schedule!, progress, cancellationToken),
                Scenario.Offline => OfflineQueries.Run(session, offlineSamples, settings.BatchSize, progress, cancellationToken),
                _ => BackToBackQueries.Run(session, settings, progress, cancellationToken),
            };
            telemetry = window.Stop();
        }

        var histogram = LatencyHistogram.FromNanoseconds(timings.LatenciesNs());
        var samples = (long)timings.Count * settings.BatchSize;
        return new BenchmarkMeasurement(
            timings.LatenciesMs(),
            timings.StartOffsetsMs(),
            timings.MeasuredSeconds,
            settings.BatchSize,
            setup.ActualProvider,
            setup.FallbackReason,
            OrtEnv.Instance().GetVersionString(),
            setup.IntraOpThreads)
        {
            Scenario = settings.Scenario,
            RequestedExecutionProvider = settings.ExecutionProvider,
            WarmupQueriesCompleted = warmup.Queries,
            OfflineExpectedSamplesPerSecond = expectedRate,
            Histogram = histogram,
            Energy = EnergyEstimate.From(telemetry.ToEnergyEvidence(), samples, onGpu),
            Gpu = telemetry.Gpu,
            CpuEnergy = telemetry.CpuEnergy,
            Process = telemetry.Process,
            HostContention = telemetry.HostContention,
            NodePlacement = placement,
            Server = schedule is null ? null : ServerResultOf(settings, schedule, timings, histogram),
        };
    }

    /// <summary>
    /// Searches for the highest Server rate whose p99 latency holds <see cref="BenchmarkSettings.LatencyBoundMs"/>:
    /// a bisection on a log scale between a lower and an upper rate, over at most
    /// <see cref="ServerCapacitySearch.MaxTrials"/> short trials on one loaded session.
    /// </summary>
    /// <exception cref="RunnerException">The model, the settings or the provider cannot be measured.</exception>
    public ServerCapacity FindMaxQps(
        string modelPath, BenchmarkSettings settings, ServerCapacitySearch search, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var server = settings with { Scenario = Scenario.Server, TargetQps = Math.Max(settings.TargetQps, 1) };
        server.Validate();
        progress?.Report(new BenchmarkProgress(BenchmarkPhase.Loading, 0, 0, null, 0));
        using var setup = SessionSetup.Create(_providers, server);
        using var session = PreparedSession.Open(modelPath, setup.Options, server, cancellationToken);
        progress?.Report(new BenchmarkProgress(BenchmarkPhase.WarmingUp, 0, 0, null, 0));
        WarmUp.Run(session, server, cancellationToken);
        return MaxQpsSearch.Run(session, server, search, progress, cancellationToken);
    }

    internal static ServerResult ServerResultOf(BenchmarkSettings settings, PoissonSchedule schedule, QueryTimings timings, LatencyHistogram histogram)
    {
        var p99 = histogram.P99Ms;
        var meanInferenceMs = timings.InferenceTicks is { Length: > 0 } inference ? QueryTimings.ToMilliseconds((long)inference.Average()) : 0;
        return new ServerResult(
            settings.TargetQps, schedule.MeanRatePerSecond, timings.MeasuredSeconds > 0 ? timings.Count / timings.MeasuredSeconds : 0,
            settings.LatencyBoundMs, p99, p99 <= settings.LatencyBoundMs, meanInferenceMs, settings.ScheduleSeed);
    }

    private static NodePlacementReport CheckPlacement(string modelPath, SessionSetup setup, BenchmarkSettings settings)
    {
        if (setup.ActualProvider == ExecutionProvider.Cpu)
        {
            return NodePlacementReport.NotChecked("Not needed: a CPU session runs every node on the CPU.");
        }

        if (!settings.CheckNodePlacement)
        {
            return NodePlacementReport.NotChecked("Not checked: node placement checking was switched off.");
        }

        if (!File.Exists(modelPath))
        {
            // Opening the measured session reports the missing file with the usual message.
            return NodePlacementReport.NotChecked("Not checked: the model file does not exist.");
        }

        return NodePlacementProbe.Capture(modelPath, setup.Options, settings.BatchSize, settings.InputShapes, settings.InputSeed);
    }
}
