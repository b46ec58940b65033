using EfficiencyDashboard.Core.Measurements;

namespace EfficiencyDashboard.Core.Tests.Measurements;

public sealed class LatencyHistogramTests
{
    // 1 µs to 10 ms in 1 µs steps: every percentile and moment is known in closed form.
    private static readonly long[] UniformNs = [.. Enumerable.Range(1, 10_000).Select(i => i * 1_000L)];

    [Theory]
    [InlineData(50, 5.0)]
    [InlineData(90, 9.0)]
    [InlineData(95, 9.5)]
    [InlineData(99, 9.9)]
    [InlineData(99.9, 9.99)]
    public void Percentiles_of_a_uniform_distribution_are_exact_to_a_tenth_of_a_percent(double percentile, double expectedMs)
    {
        var histogram = LatencyHistogram.FromNanoseconds(UniformNs);

        Assert.Equal(expectedMs, histogram.PercentileMs(percentile), expectedMs * 0.001);
    }

    [Fact]
    public void Named_percentiles_moments_and_extremes_match_the_distribution()
    {
        var histogram = LatencyHistogram.FromNanoseconds(UniformNs);
        var stdDevMs = Math.Sqrt((10_000.0 * 10_000.0 - 1) / 12) / 1000;

        Assert.Equal(10_000, histogram.Count);
        Assert.Equal(9.0, histogram.P90Ms, 0.009);
        Assert.Equal(9.9, histogram.P99Ms, 0.0099);
        Assert.Equal(5.0005, histogram.MeanMs, 0.005);
        Assert.Equal(stdDevMs, histogram.StdDevMs, stdDevMs * 0.002);
        Assert.Equal(stdDevMs / 5.0005, histogram.CoefficientOfVariation, 0.002);
        Assert.Equal(0.001, histogram.MinMs, 0.000001);
        Assert.Equal(10.0, histogram.MaxMs, 0.01);
    }

    [Fact]
    public void Percentiles_of_a_skewed_distribution_match_nearest_rank_on_the_raw_values()
    {
        // Exponential latencies around 2 ms, as a loaded server produces: a long tail.
        var random = new Random(7);
        var latenciesMs = Enumerable.Range(0, 50_000).Select(_ => 0.5 - 2 * Math.Log(1 - random.NextDouble())).ToArray();
        var sorted = latenciesMs.Order().ToArray();
        var histogram = LatencyHistogram.FromMilliseconds(latenciesMs);

        foreach (var p in new[] { 50.0, 90, 99, 99.9 })
        {
            // Decimal arithmetic: 99.9 / 100 * 50,000 in doubles is 49,950.000000000004, one rank too high.
            var exact = sorted[(int)Math.Ceiling((decimal)p * sorted.Length / 100) - 1];
            Assert.InRange(histogram.PercentileMs(p), exact, exact * 1.001);
        }

        Assert.Equal(latenciesMs.Average(), histogram.MeanMs, latenciesMs.Average() * 0.001);
    }

    [Fact]
    public void Round_trip_through_bytes_keeps_every_statistic()
    {
        var original = LatencyHistogram.FromNanoseconds(UniformNs);

        var bytes = original.ToBytes();
        var copy = LatencyHistogram.FromBytes(bytes);

        Assert.InRange(bytes.Length, 1, 16_384);
        Assert.Equal(original.Count, copy.Count);
        foreach (var p in new[] { 0.0, 50, 90, 95, 99, 99.9, 100 })
        {
            Assert.Equal(original.PercentileMs(p), copy.PercentileMs(p));
        }

        Assert.Equal(original.MeanMs, copy.MeanMs, 1e-9);
        Assert.Equal(original.StdDevMs, copy.StdDevMs, 1e-9);
        Assert.Equal(original.MinMs, copy.MinMs);
        Assert.Equal(original.MaxMs, copy.MaxMs);
    }

    [Fact]
    public void Round_trip_through_base64_text()
    {
        var original = LatencyHistogram.FromMilliseconds([1.5, 2.5, 40]);

        var copy = LatencyHistogram.FromBase64(original.ToBase64());

        Assert.Equal(3, copy.Count);
        Assert.Equal(original.P50Ms, copy.P50Ms);
        Assert.Equal(40.0, copy.MaxMs, 0.04);
    }

    [Fact]
    public void Bytes_that_are_not_a_histogram_are_refused()
    {
        Assert.Throws<FormatException>(() => LatencyHistogram.FromBytes([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    }

    [Fact]
    public void An_empty_histogram_reports_zeros_rather_than_failing()
    {
        var histogram = new LatencyHistogram();

        Assert.Equal(0, histogram.Count);
        Assert.Equal(0, histogram.P99Ms);
        Assert.Equal(0, histogram.CoefficientOfVariation);
        Assert.Equal(0, histogram.MinMs);
    }

    [Fact]
    public void Latencies_beyond_thirty_minutes_are_clamped_not_lost()
    {
        var histogram = new LatencyHistogram();
        histogram.RecordNanoseconds(long.MaxValue);
        histogram.RecordNanoseconds(-5);

        Assert.Equal(2, histogram.Count);
        Assert.InRange(histogram.MaxMs, 1_800_000.0, 1_800_000.0 * 1.001);
        Assert.Equal(0, histogram.MinMs);
    }
}
