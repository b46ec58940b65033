using EfficiencyDashboard.Runner.Execution;

namespace EfficiencyDashboard.Runner.Tests.Execution;

public sealed class PoissonScheduleTests
{
    [Theory]
    [InlineData(50.0, 1)]
    [InlineData(1_000.0, 2)]
    [InlineData(250_000.0, 3)]
    public void The_mean_rate_is_the_target_within_three_percent(double qps, int seed)
    {
        // 20,000 exponential gaps: the mean's standard error is 0.7 %, so 3 % is four sigma.
        var schedule = PoissonSchedule.Create(qps, minDurationSeconds: 0, minQueries: 20_000, seed);

        Assert.Equal(20_000, schedule.Count);
        Assert.Equal(qps, schedule.MeanRatePerSecond, qps * 0.03);
    }

    [Fact]
    public void Gaps_are_exponential_not_regular()
    {
        var schedule = PoissonSchedule.Create(100, 0, 20_000, seed: 5);
        var gaps = schedule.ArrivalSeconds.Zip(schedule.ArrivalSeconds.Skip(1), (a, b) => b - a).ToArray();
        var mean = gaps.Average();
        var stdDev = Math.Sqrt(gaps.Sum(g => (g - mean) * (g - mean)) / gaps.Length);

        // An exponential distribution's standard deviation equals its mean; about 63 % of gaps fall below the mean.
        Assert.Equal(mean, stdDev, mean * 0.05);
        Assert.Equal(1 - Math.Exp(-1), gaps.Count(g => g < mean) / (double)gaps.Length, 0.02);
    }

    [Fact]
    public void The_same_seed_gives_the_same_schedule_and_another_seed_another()
    {
        var a = PoissonSchedule.Create(500, 2, 100, seed: 42);
        var b = PoissonSchedule.Create(500, 2, 100, seed: 42);
        var c = PoissonSchedule.Create(500, 2, 100, seed: 43);

        Assert.Equal(a.ArrivalSeconds, b.ArrivalSeconds);
        Assert.NotEqual(a.ArrivalSeconds, c.ArrivalSeconds);
    }

    [Fact]
    public void The_schedule_covers_both_the_duration_and_the_query_count()
    {
        var byDuration = PoissonSchedule.Create(1_000, minDurationSeconds: 2, minQueries: 10, seed: 1);
        var byCount = PoissonSchedule.Create(1_000, minDurationSeconds: 0.01, minQueries: 5_000, seed: 1);

        Assert.True(byDuration.ArrivalSeconds[^1] >= 2);
        Assert.True(byDuration.ArrivalSeconds[^2] < 2);
        Assert.Equal(5_000, byCount.Count);
        Assert.True(byDuration.ArrivalSeconds.Zip(byDuration.ArrivalSeconds.Skip(1)).All(p => p.First < p.Second));
    }

    [Fact]
    public void A_schedule_too_large_to_hold_is_refused_with_the_reason()
    {
        var error = Assert.Throws<RunnerException>(() => PoissonSchedule.Create(1_000_000, 600, 64, 1));

        Assert.Contains("Lower the rate or the duration", error.Message);
        Assert.Throws<RunnerException>(() => PoissonSchedule.Create(0, 10, 64, 1));
    }
}
