using EfficiencyDashboard.Core.Measurements;

namespace EfficiencyDashboard.Core.Runs;

/// <summary>The metrics of a finished run and how they were obtained.</summary>
public sealed class RunResult
{
    public long RunId { get; set; }

    /// <summary>Median query latency after warm-up, in milliseconds (nearest-rank percentile).</summary>
    public double LatencyP50Ms { get; set; }

    /// <summary>90th percentile query latency, in milliseconds; the SingleStream headline.</summary>
    public double LatencyP90Ms { get; set; }

    /// <summary>99th percentile query latency, in milliseconds.</summary>
    public double LatencyP99Ms { get; set; }

    /// <summary>95th percentile query latency, in milliseconds.</summary>
    public double LatencyP95Ms { get; set; }

    /// <summary>99.9th percentile query latency, in milliseconds.</summary>
    public double LatencyP999Ms { get; set; }

    public double LatencyMeanMs { get; set; }

    /// <summary>Standard deviation of query latency, in milliseconds.</summary>
    public double LatencyStdDevMs { get; set; }

    /// <summary>Coefficient of variation of query latency: standard deviation / mean.</summary>
    public double LatencyCv { get; set; }

    /// <summary>The HDR histogram of every measured query (HdrHistogram V2 compressed), so percentiles can be recomputed.</summary>
    public byte[] Histogram { get; set; } = [];

    public double LatencyMinMs { get; set; }

    public double LatencyMaxMs { get; set; }

    /// <summary>Measured queries (each query is one batch).</summary>
    public int QueryCount { get; set; }

    /// <summary>Measured samples: queries times batch size.</summary>
    public long SampleCount { get; set; }

    /// <summary>Wall time of the measured window, from the first query's start to the last one's end.</summary>
    public double MeasuredSeconds { get; set; }

    /// <summary>Samples per second: completed samples divided by measured wall time.</summary>
    public double ThroughputPerSecond { get; set; }

    /// <summary>What the model was fed: tokenized sentences, normalised procedural images, or generated values.</summary>
    public string? Inputs { get; set; }

    /// <summary>Warm-up queries run and discarded before measuring.</summary>
    public int WarmupQueriesCompleted { get; set; }

    /// <summary>The percentile the scenario reports (p90 for SingleStream, p99 for Server), or null for Offline.</summary>
    public string? HeadlinePercentile { get; set; }

    /// <summary>Whether the measurement passed every validity check (after MLPerf LoadGen).</summary>
    public bool IsValid { get; set; }

    /// <summary>Why the measurement is invalid; empty when valid.</summary>
    public List<ValidityReason> ValidityReasons { get; set; } = [];

    /// <summary>Energy per inference (one sample), in joules; null when not measured (see <see cref="EnergyReason"/>).</summary>
    public double? EnergyPerInferenceJ { get; set; }

    /// <summary>Energy over the measured window, in joules.</summary>
    public double? TotalEnergyJ { get; set; }

    /// <summary>Where the energy figure comes from: nvml-energy-counter, nvml-power-integral, rapl-package or none.</summary>
    public EnergySource EnergySource { get; set; }

    /// <summary>What the energy figure covers: the GPU board, the CPU package, the whole system, or none.</summary>
    public EnergyScope EnergyScope { get; set; }

    /// <summary>
    /// CPU package energy over the measured window (RAPL), in joules, whatever the provider: the CPUs' energy, never a
    /// GPU's. On a CPU run it is also the energy figure; null when RAPL was not readable (see <see cref="CpuPackageEnergyNote"/>).
    /// </summary>
    public double? CpuPackageEnergyJ { get; set; }

    /// <summary>What RAPL covered, or why it was not readable.</summary>
    public string? CpuPackageEnergyNote { get; set; }

    /// <summary>How the energy figure was obtained, or why there is none.</summary>
    public required string EnergyReason { get; set; }

    /// <summary>Mean GPU power over the measured window, in watts.</summary>
    public double? MeanGpuPowerW { get; set; }

    /// <summary>Peak GPU memory used during the measured window, in bytes.</summary>
    public long? PeakGpuMemoryBytes { get; set; }

    /// <summary>Mean GPU utilisation during the measured window, in percent.</summary>
    public double? MeanGpuUtilizationPercent { get; set; }

    /// <summary>GPU telemetry of the window: power samples, clocks, other processes (null for CPU runs).</summary>
    public GpuTelemetry? Gpu { get; set; }

    /// <summary>Peak resident memory of the runner process, in bytes.</summary>
    public long? ProcessPeakRssBytes { get; set; }

    /// <summary>Runner process CPU time over wall time and cores during the window, 0 to 1.</summary>
    public double? ProcessCpuUtilization { get; set; }

    /// <summary>Nodes ONNX Runtime placed on the CPU inside a CUDA or TensorRT session.</summary>
    public NodePlacementReport? NodePlacement { get; set; }

    /// <summary>Server scenario: rates, p99 and whether the latency bound held.</summary>
    public ServerResult? Server { get; set; }

    /// <summary>The provider that actually executed the run.</summary>
    public ExecutionProvider ActualExecutionProvider { get; set; }

    /// <summary>Why the run did not execute on the requested provider, when it did not.</summary>
    public string? FallbackReason { get; set; }

    /// <summary>
    /// The providers that ran the graph's model work, from the node placement profile: for example "tensorrt + cuda"
    /// when TensorRT took part of the graph and CUDA the rest; the actual provider alone when placement was not profiled.
    /// </summary>
    public string? ActualProviders { get; set; }

    /// <summary>The cores the runner could run on during the window, as a CPU list such as "0-1".</summary>
    public string? RunnerCores { get; set; }

    /// <summary>Other work on the runner's cores during the window, in core-seconds per second; null when not measured.</summary>
    public double? HostContentionCores { get; set; }

    /// <summary>Whether the run failed the host-busy validity check (other work above the threshold).</summary>
    public bool HostBusy { get; set; }

    /// <summary>Other work on the runner's cores by source, with CPU pressure, resolution and how it was measured.</summary>
    public HostContention? HostContention { get; set; }

    public required string OnnxRuntimeVersion { get; set; }

    public int IntraOpThreads { get; set; }

    public required string MachineName { get; set; }

    public required string CpuModel { get; set; }

    public int LogicalCores { get; set; }

    public required string OperatingSystem { get; set; }

    public required string RuntimeVersion { get; set; }

    public DateTime MeasuredAtUtc { get; set; }
}
