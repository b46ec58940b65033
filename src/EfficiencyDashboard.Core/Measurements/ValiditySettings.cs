namespace EfficiencyDashboard.Core.Measurements;

/// <summary>
/// Thresholds for <see cref="ValidityRules"/>. <see cref="Default"/> suits quick interactive runs;
/// <see cref="Strict"/> is MLPerf Inference's closed-division minimum for the reported percentile.
/// </summary>
public sealed record ValiditySettings
{
    /// <summary>Quick runs: 10 warm-up queries, 10 s, 64 queries, early-stopping floors of 64 (p90) and 662 (p99), CV at most 0.5.</summary>
    public static ValiditySettings Default { get; } = new();

    /// <summary>MLPerf's pre-early-stopping minimums: 600 s, and 24,576 queries for p90 or 270,336 for p99.</summary>
    public static ValiditySettings Strict { get; } = new()
    {
        MinDurationSeconds = 600,
        MinQueriesForP90 = 24_576,
        MinQueriesForP99 = 270_336,
    };

    /// <summary>Queries run and discarded before measuring, so caches, allocators and clocks have settled.</summary>
    public int WarmupQueries { get; init; } = 10;

    /// <summary>Shortest valid measured window, in seconds (LoadGen's min_duration).</summary>
    public double MinDurationSeconds { get; init; } = 10;

    /// <summary>Fewest valid measured queries whatever the scenario (LoadGen's min_query_count).</summary>
    public int MinQueries { get; init; } = 64;

    /// <summary>Fewest queries for a p90 headline (SingleStream).</summary>
    public int MinQueriesForP90 { get; init; } = 64;

    /// <summary>Fewest queries for a p99 headline (Server).</summary>
    public int MinQueriesForP99 { get; init; } = 662;

    /// <summary>Largest valid coefficient of variation (latency stdev / mean): above it the machine was too noisy to trust a percentile.</summary>
    public double MaxCoefficientOfVariation { get; init; } = 0.5;

    /// <summary>Whether a GPU run stays valid when ONNX Runtime placed some nodes on the CPU.</summary>
    public bool AllowNodesOnCpu { get; init; }

    /// <summary>Fewest queries for <paramref name="percentile"/>, never fewer than <see cref="MinQueries"/>.</summary>
    public int MinQueriesFor(ReportedPercentile? percentile) => Math.Max(MinQueries, percentile switch
    {
        ReportedPercentile.P90 => MinQueriesForP90,
        ReportedPercentile.P99 => MinQueriesForP99,
        _ => 0,
    });
}
