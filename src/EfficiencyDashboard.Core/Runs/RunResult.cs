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

    public double LatencyMeanMs { get; set; }

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

    /// <summary>The provider that actually executed the run.</summary>
    public ExecutionProvider ActualExecutionProvider { get; set; }

    /// <summary>Why the run did not execute on the requested provider, when it did not.</summary>
    public string? FallbackReason { get; set; }

    public required string OnnxRuntimeVersion { get; set; }

    public int IntraOpThreads { get; set; }

    public required string MachineName { get; set; }

    public required string CpuModel { get; set; }

    public int LogicalCores { get; set; }

    public required string OperatingSystem { get; set; }

    public required string RuntimeVersion { get; set; }

    public DateTime MeasuredAtUtc { get; set; }
}
