using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Core.Reports.Aggregates;

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
    public void One_run_on_a_side_gives_the_ratio_and_no_interval_rather_than_a_bootstrap_over_its_queries()
    {
        var oneEach = GainEstimate.FromRunMoments(LogMoments.Of(100), LogMoments.Of(180));
        var oneTarget = GainEstimate.FromRunMoments(LogMoments.Of(100) + LogMoments.Of(110), LogMoments.Of(180));

        Assert.Equal(1.8, oneEach.Factor, 12);
        Assert.False(oneEach.HasInterval);
        Assert.Null(oneEach.LogStandardError);
        Assert.Contains("one run each: no interval; repeat to get one", oneEach.Method);
        Assert.Equal(180 / Math.Sqrt(100 * 110), oneTarget.Factor, 9);
        Assert.Contains("one target run", oneTarget.Method);
    }

    [Fact]
    public void Log_moments_give_the_same_estimate_as_the_runs_they_sum()
    {
        double[] baseline = [10, 11, 9.5, 10.5];
        double[] target = [19, 22, 21];
        static LogMoments Sum(IEnumerable<double> values) => values.Aggregate(default(LogMoments), (m, v) => m + LogMoments.Of(v));

        var fromRuns = GainEstimate.FromRepeatedRuns(baseline, target);
        var fromMoments = GainEstimate.FromRunMoments(Sum(baseline), Sum(target));

        Assert.Equal(fromRuns, fromMoments);
        Assert.NotNull(fromMoments.LogStandardError);
        Assert.InRange(fromMoments.DegreesOfFreedom!.Value, 3, 5);
    }
}
