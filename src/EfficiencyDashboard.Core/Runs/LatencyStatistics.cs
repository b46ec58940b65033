namespace EfficiencyDashboard.Core.Runs;

/// <summary>Summary statistics of per-query latencies, in milliseconds.</summary>
public sealed record LatencyStatistics(double P50Ms, double P90Ms, double P99Ms, double MeanMs, double MinMs, double MaxMs)
{
    /// <summary>Computes the statistics of every measured query (warm-up excluded by the caller).</summary>
    /// <remarks>Percentiles use the nearest-rank definition: the smallest value with at least p% of values at or below it.</remarks>
    public static LatencyStatistics From(IReadOnlyList<double> latenciesMs)
    {
        if (latenciesMs.Count == 0)
        {
            throw new ArgumentException("At least one latency is needed.", nameof(latenciesMs));
        }

        var sorted = latenciesMs.ToArray();
        Array.Sort(sorted);
        return new LatencyStatistics(
            Percentile(sorted, 50), Percentile(sorted, 90), Percentile(sorted, 99),
            sorted.Average(), sorted[0], sorted[^1]);
    }

    /// <summary>Nearest-rank percentile of an ascending array.</summary>
    public static double Percentile(double[] sortedAscending, double percent)
    {
        // percent * n / 100 in that order, minus a hair: 99.9 / 100 * 50,000 is 49,950.000000000007 in doubles, not 49,950.
        var rank = (int)Math.Ceiling(percent * sortedAscending.Length / 100.0 - 1e-9);
        return sortedAscending[Math.Clamp(rank - 1, 0, sortedAscending.Length - 1)];
    }
}
