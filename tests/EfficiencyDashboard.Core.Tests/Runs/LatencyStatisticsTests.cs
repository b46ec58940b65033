using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Core.Tests.Runs;

public sealed class LatencyStatisticsTests
{
    [Fact]
    public void Percentiles_use_the_nearest_rank()
    {
        var latencies = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToList();

        var stats = LatencyStatistics.From(latencies);

        Assert.Equal(50, stats.P50Ms);
        Assert.Equal(90, stats.P90Ms);
        Assert.Equal(99, stats.P99Ms);
        Assert.Equal(50.5, stats.MeanMs);
        Assert.Equal(1, stats.MinMs);
        Assert.Equal(100, stats.MaxMs);
    }

    [Fact]
    public void The_rank_is_exact_where_floating_point_would_round_it_up()
    {
        var sorted = Enumerable.Range(1, 50_000).Select(i => (double)i).ToArray();

        Assert.Equal(49_950, LatencyStatistics.Percentile(sorted, 99.9));
    }

    [Fact]
    public void A_single_query_is_every_percentile()
    {
        var stats = LatencyStatistics.From([4.2]);

        Assert.Equal(4.2, stats.P50Ms);
        Assert.Equal(4.2, stats.P99Ms);
    }

    [Fact]
    public void Tail_percentiles_see_outliers()
    {
        var latencies = Enumerable.Repeat(1.0, 95).Concat(Enumerable.Repeat(50.0, 5)).ToList();

        var stats = LatencyStatistics.From(latencies);

        Assert.Equal(1, stats.P90Ms);
        Assert.Equal(50, stats.P99Ms);
    }

    [Fact]
    public void No_latencies_is_an_error_not_a_zero()
    {
        Assert.Throws<ArgumentException>(() => LatencyStatistics.From([]));
    }
}
