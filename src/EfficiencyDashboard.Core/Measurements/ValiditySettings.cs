namespace EfficiencyDashboard.Core.Measurements;

/// <summary>
/// Thresholds for <see cref="ValidityRules"/>. <see cref="Default"/> suits quick interactive runs;
/// <see cref="Strict"/> holds MLPerf Inference's minimums from LoadGen's <c>mlperf.conf</c>.
/// </summary>
/// <remarks>
/// The strict floors are those of <c>mlperf.conf</c> in github.com/mlcommons/inference before early stopping
/// (v1.0; <c>min_duration = 600000</c> ms for every scenario, <c>SingleStream.min_query_count = 1024</c>,
/// <c>Server.min_query_count = 270336</c>, <c>Offline.min_query_count = 24576</c>, which LoadGen reads as samples
/// because an Offline run is one query). The current <c>loadgen/mlperf.conf</c> keeps the 600 s and, for ResNet-50,
/// the 24,576 Offline samples, and replaces the SingleStream and Server query minimums with early stopping, whose
/// floors the default preset uses.
/// </remarks>
public sealed record ValiditySettings
{
    /// <summary>The default share of one core other work may take from the runner's cores: 10%.</summary>
    public const double DefaultMaxHostContentionCores = 0.10;

    /// <summary>Quick runs: 10 warm-up queries, 10 s, 64 queries, early-stopping floors of 64 (p90) and 662 (p99), 64 Offline samples, CV at most 0.5.</summary>
    public static ValiditySettings Default { get; } = new();

    /// <summary>MLPerf's minimums (mlperf.conf): 600 s, and 1,024 queries for p90, 270,336 for p99, 24,576 Offline samples.</summary>
    public static ValiditySettings Strict { get; } = new()
    {
        MinDurationSeconds = 600,
        MinQueriesForP90 = 1_024,
        MinQueriesForP99 = 270_336,
        MinOfflineSamples = 24_576,
    };

    /// <summary>Queries run and discarded before measuring, so caches, allocators and clocks have settled.</summary>
    public int WarmupQueries { get; init; } = 10;

    /// <summary>Shortest valid measured window, in seconds (LoadGen's min_duration).</summary>
    public double MinDurationSeconds { get; init; } = 10;

    /// <summary>Fewest valid measured queries of a SingleStream or Server run (LoadGen's min_query_count).</summary>
    public int MinQueries { get; init; } = 64;

    /// <summary>Fewest queries for a p90 headline (SingleStream).</summary>
    public int MinQueriesForP90 { get; init; } = 64;

    /// <summary>Fewest queries for a p99 headline (Server).</summary>
    public int MinQueriesForP99 { get; init; } = 662;

    /// <summary>Fewest samples of an Offline run, which LoadGen issues as one query (its min_query_count read as samples).</summary>
    public int MinOfflineSamples { get; init; } = 64;

    /// <summary>Largest valid coefficient of variation (latency stdev / mean): above it the machine was too noisy to trust a percentile.</summary>
    public double MaxCoefficientOfVariation { get; init; } = 0.5;

    /// <summary>Whether a GPU run stays valid when ONNX Runtime placed some nodes on the CPU.</summary>
    public bool AllowNodesOnCpu { get; init; }

    /// <summary>
    /// Most other work the runner's cores may carry during the window, in core-seconds per second (configuration
    /// <c>Runner:HostBusyThresholdCores</c>); above it the run is host-busy.
    /// </summary>
    public double MaxHostContentionCores { get; init; } = DefaultMaxHostContentionCores;

    /// <summary>Fewest queries for <paramref name="percentile"/>, never fewer than <see cref="MinQueries"/>.</summary>
    public int MinQueriesFor(ReportedPercentile? percentile) => Math.Max(MinQueries, percentile switch
    {
        ReportedPercentile.P90 => MinQueriesForP90,
        ReportedPercentile.P99 => MinQueriesForP99,
        _ => 0,
    });
}
