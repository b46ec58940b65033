using EfficiencyDashboard.Core.Reports;

namespace EfficiencyDashboard.Core.Tests.Reports;

public sealed class GainEstimateTests
{
    [Fact]
    public void Repeated_runs_give_the_ratio_of_geometric_means_and_a_welch_t_interval()
    {
        double[] baseline = [10, 11, 9.5, 10.5];
        var target = baseline.Select(e => e * 2).Reverse().ToArray();

        var gain = GainEstimate.FromRepeatedRuns(baseline, target);

        // Same spread on both sides and four runs each: 6 degrees of freedom, t(0.975, 6) = 2.4469.
        var logs = baseline.Select(e => Math.Log(e)).ToArray();
        var variance = logs.Sum(l => Math.Pow(l - logs.Average(), 2)) / 3;
        var halfWidth = 2.446912 * Math.Sqrt(2 * variance / 4);
        Assert.Equal(2, gain.Factor, 12);
        Assert.Equal(2 * Math.Exp(-halfWidth), gain.CiLow95!.Value, 5);
        Assert.Equal(2 * Math.Exp(halfWidth), gain.CiHigh95!.Value, 5);
        Assert.Contains("Welch", gain.Method);
        Assert.Contains("6 degrees of freedom", gain.Method);
    }

    [Fact]
    public void Two_runs_each_use_the_wide_t_quantile()
    {
        var gain = GainEstimate.FromRepeatedRuns([10, 12], [20, 24]);

        // Equal variances, two runs each: 2 degrees of freedom, t = 4.3027.
        Assert.Contains("t = 4.303", gain.Method);
        Assert.True(gain.CiLow95 < 2 && gain.CiHigh95 > 2);
    }

    [Fact]
    public void Repeated_runs_need_two_runs_each()
    {
        Assert.Throws<ArgumentException>(() => GainEstimate.FromRepeatedRuns([10], [20, 21]));
        Assert.Throws<ArgumentException>(() => GainEstimate.FromRepeatedRuns([10, 0], [20, 21]));
    }

    [Fact]
    public void The_bootstrap_over_latencies_contains_the_true_ratio()
    {
        var random = new Random(7);
        var baseline = Enumerable.Range(0, 2000).Select(_ => 8 + 4 * random.NextDouble()).ToList(); // mean 10 ms
        var target = Enumerable.Range(0, 2000).Select(_ => 4 + 2 * random.NextDouble()).ToList(); // mean 5 ms

        var gain = GainEstimate.FromLatencySamples(baseline, 1, target, 1);

        Assert.InRange(gain.Factor, 1.95, 2.05);
        Assert.True(gain.CiLow95 < 2 && 2 < gain.CiHigh95, $"{gain.CiLow95} - {gain.CiHigh95}");
        Assert.True(gain.CiHigh95 - gain.CiLow95 < 0.1);
        Assert.Contains("1000 resamples", gain.Method);
    }

    [Fact]
    public void The_bootstrap_is_reproducible_with_its_seed()
    {
        var random = new Random(11);
        var baseline = Enumerable.Range(0, 500).Select(_ => 5 + random.NextDouble()).ToList();
        var target = Enumerable.Range(0, 500).Select(_ => 4 + random.NextDouble()).ToList();

        var first = GainEstimate.FromLatencySamples(baseline, 1, target, 1, seed: 3);
        var again = GainEstimate.FromLatencySamples(baseline, 1, target, 1, seed: 3);
        var other = GainEstimate.FromLatencySamples(baseline, 1, target, 1, seed: 4);

        Assert.Equal(first, again);
        Assert.NotEqual(first.CiLow95, other.CiLow95);
        Assert.Equal(first.Factor, other.Factor);
    }

    [Fact]
    public void Batch_size_counts_in_throughput()
    {
        double[] latencies = [10, 10, 10];

        var gain = GainEstimate.FromLatencySamples(latencies, 1, latencies, 8, resamples: 200);

        Assert.Equal(8, gain.Factor, 12);
        Assert.Equal(8, gain.CiLow95!.Value, 12);
    }
}
