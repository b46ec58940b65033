using EfficiencyDashboard.Core.Reports;

namespace EfficiencyDashboard.Core.Tests.Reports;

public sealed class DoublingTimeTests
{
    [Fact]
    public void An_exact_exponential_gives_its_doubling_time()
    {
        var start = new DateOnly(2020, 1, 1);
        var points = new[] { 0, 200, 450, 800, 1461 }
            .Select(days => new DatedValue(start.AddDays(days), 100 * Math.Pow(2, days / (1.5 * 365.2425)), $"p{days}"))
            .ToList();

        var fit = DoublingTime.Fit(points);

        Assert.Equal(1.5, fit.Years!.Value, 9);
        Assert.Equal(Math.Pow(2, 1 / 1.5), fit.AnnualGrowthFactor, 9);
        Assert.Equal(1, fit.RSquared, 9);
        Assert.Equal(5, fit.PointCount);
        Assert.Equal((start, start.AddDays(1461)), (fit.From, fit.To));
    }

    [Fact]
    public void A_noisy_series_explains_less_and_a_shrinking_one_halves()
    {
        var start = new DateOnly(2020, 1, 1);
        var noisy = DoublingTime.Fit([new(start, 1, "a"), new(start.AddYears(1), 3, "b"), new(start.AddYears(2), 3, "c")]);
        var shrinking = DoublingTime.Fit([new(start, 8, "a"), new(start.AddDays(365), 4, "b"), new(start.AddDays(730), 2, "c")]);

        Assert.InRange(noisy.RSquared, 0.5, 0.99);
        Assert.True(shrinking.Years < 0);
        Assert.Equal(0.5, shrinking.AnnualGrowthFactor, 2);
    }

    [Fact]
    public void Fewer_than_three_points_are_refused()
    {
        var start = new DateOnly(2020, 1, 1);

        var error = Assert.Throws<ArgumentException>(() => DoublingTime.Fit([new(start, 1, "a"), new(start.AddYears(1), 2, "b")]));
        Assert.Contains("at least 3", error.Message);
    }
}
