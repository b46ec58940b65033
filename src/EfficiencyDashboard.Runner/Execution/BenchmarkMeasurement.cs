using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Telemetry;

namespace EfficiencyDashboard.Runner.Execution;

/// <summary>Everything the measured window produced: per-query timings, their histogram, telemetry and energy.</summary>
/// <param name="LatenciesMs">Per-query latency in milliseconds, in completion order; Server latencies include queueing.</param>
/// <param name="StartOffsetsMs">Per query, milliseconds from the window's start to its start (Server: its scheduled arrival).</param>
/// <param name="MeasuredSeconds">Wall time of the measured window, from its start to the last query's end.</param>
/// <param name="BatchSize">Samples per query.</param>
/// <param name="ActualExecutionProvider">The provider that ran the session.</param>
/// <param name="FallbackReason">Why the session did not run on the requested provider, when it did not.</param>
/// <param name="OnnxRuntimeVersion">The ONNX Runtime native library version.</param>
/// <param name="IntraOpThreads">ONNX Runtime intra-op threads used.</param>
public sealed record BenchmarkMeasurement(
    double[] LatenciesMs,
    double[] StartOffsetsMs,
    double MeasuredSeconds,
    int BatchSize,
    ExecutionProvider ActualExecutionProvider,
    string? FallbackReason,
    string OnnxRuntimeVersion,
    int IntraOpThreads)
{
    private readonly ExecutionProvider? _requested;
    private LatencyHistogram? _histogram;

    /// <summary>Measured queries; each query is one batch.</summary>
    public int QueryCount => LatenciesMs.Length;

    /// <summary>Measured samples: queries times batch size.</summary>
    public long SampleCount => (long)QueryCount * BatchSize;

    /// <summary>Samples per second: completed samples over the measured wall time.</summary>
    public double ThroughputPerSecond => MeasuredSeconds > 0 ? SampleCount / MeasuredSeconds : 0;

    /// <summary>How queries were issued.</summary>
    public Scenario Scenario { get; init; } = Scenario.SingleStream;

    /// <summary>The provider the run asked for; the actual one unless set.</summary>
    public ExecutionProvider RequestedExecutionProvider
    {
        get => _requested ?? ActualExecutionProvider;
        init => _requested = value;
    }

    /// <summary>Offline: the samples per second that sized the sample set (the request's, or the warm-up's); null for other scenarios.</summary>
    public double? OfflineExpectedSamplesPerSecond { get; init; }

    /// <summary>Warm-up queries run and discarded before the window.</summary>
    public int WarmupQueriesCompleted { get; init; }

    /// <summary>The latency distribution (nanosecond HdrHistogram); built from <see cref="LatenciesMs"/> unless set.</summary>
    public LatencyHistogram Histogram
    {
        get => _histogram ??= LatencyHistogram.FromMilliseconds(LatenciesMs);
        init => _histogram = value;
    }

    /// <summary>The percentile the scenario reports: p90 for SingleStream, p99 for Server, none for Offline (throughput).</summary>
    public ReportedPercentile? HeadlinePercentile => Scenario switch
    {
        Scenario.SingleStream => ReportedPercentile.P90,
        Scenario.Server => ReportedPercentile.P99,
        _ => null,
    };

    /// <summary>Energy per inference and its source; none with the reason when no source could be read.</summary>
    public EnergyEstimate Energy { get; init; } = EnergyEstimate.None("Energy was not measured.");

    /// <summary>GPU readings over the window; not sampled (with the reason) for CPU runs.</summary>
    public GpuTelemetry Gpu { get; init; } = GpuTelemetry.NotSampled(0, "The GPU was not sampled.");

    /// <summary>CPU package energy over the window (RAPL), or why it was not readable.</summary>
    public RaplReading CpuEnergy { get; init; } = new(null, 0, "not readable: RAPL was not read.");

    /// <summary>The runner process's peak memory and CPU utilisation over the window; null when not sampled.</summary>
    public ProcessTelemetry? Process { get; init; }

    /// <summary>Other work on the runner's cores during the window.</summary>
    public HostContention HostContention { get; init; } = HostContention.NotMeasured("", "host contention was not read.");

    /// <summary>Where ONNX Runtime placed each node (GPU sessions), with the nodes that ran on the CPU.</summary>
    public NodePlacementReport NodePlacement { get; init; } = NodePlacementReport.NotChecked("Node placement was not checked.");

    /// <summary>The providers that did model work, such as "tensorrt + cuda"; the actual provider when placement was not profiled.</summary>
    public string ActualProviders => NodePlacement.ProvidersUsed ?? ActualExecutionProvider.ApiName();

    /// <summary>Why a GPU session's placement is unknown (the profile failed or was switched off); null on the CPU or when it was checked.</summary>
    public string? PlacementUnverifiedReason => ActualExecutionProvider != ExecutionProvider.Cpu && !NodePlacement.Checked ? NodePlacement.Note : null;

    /// <summary>The Server scenario's rate and latency-bound result; null for other scenarios.</summary>
    public ServerResult? Server { get; init; }

    /// <summary>Judges the run against <paramref name="settings"/>; see <see cref="ValidityRules"/>.</summary>
    public Validity JudgeValidity(ValiditySettings settings) => ValidityRules.Judge(
        new ValidityEvidence(
            WarmupQueriesCompleted,
            MeasuredSeconds,
            QueryCount,
            HeadlinePercentile,
            Histogram.CoefficientOfVariation,
            RequestedExecutionProvider,
            ActualExecutionProvider,
            [.. NodePlacement.CpuComputeNodes.Select(n => n.ToString())],
            Gpu.OtherProcessIds,
            Server?.LatencyBoundMs,
            Histogram.P99Ms)
        {
            Scenario = Scenario,
            SampleCount = SampleCount,
            PlacementUnverifiedReason = PlacementUnverifiedReason,
            HostContention = HostContention,
        },
        settings);
}
