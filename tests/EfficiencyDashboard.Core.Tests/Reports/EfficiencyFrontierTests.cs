using EfficiencyDashboard.Core.Reports;

namespace EfficiencyDashboard.Core.Tests.Reports;

public sealed class EfficiencyFrontierTests
{
    private static readonly EfficiencyFrontier Frontier = new(
    [
        new(new DateOnly(2021, 4, 21), 100, "v1.0 A"),
        new(new DateOnly(2021, 4, 21), 120, "v1.0 B"),
        new(new DateOnly(2022, 4, 6), 90, "v2.0 slower"),
        new(new DateOnly(2023, 4, 5), 300, "v3.0 H100"),
        new(new DateOnly(2024, 8, 28), 280, "v4.1 not better"),
    ]);

    [Fact]
    public void The_frontier_keeps_the_running_best()
    {
        Assert.Equal([120, 120, 300, 300], Frontier.Steps.Select(s => s.BestValue));
        Assert.Equal([true, false, true, false], Frontier.Steps.Select(s => s.IsNewBest));
        Assert.Equal("v3.0 H100", Frontier.BestAt(new DateOnly(2024, 12, 31))!.ProvenanceId);
        Assert.Null(Frontier.BestAt(new DateOnly(2021, 1, 1)));
    }

    [Fact]
    public void The_two_year_gain_compares_the_frontier_two_years_apart()
    {
        var gain = Frontier.TwoYearGain(new DateOnly(2023, 4, 21));

        Assert.Equal(2.5, gain.Factor!.Value, 12);
        Assert.Equal(("v3.0 H100", "v1.0 B"), (gain.Current!.ProvenanceId, gain.Earlier!.ProvenanceId));
        Assert.Equal(new DateOnly(2021, 4, 21), gain.TwoYearsEarlier);
        Assert.Null(gain.Reason);
    }

    [Fact]
    public void Without_a_point_two_years_back_there_is_no_gain_and_a_reason()
    {
        var gain = Frontier.TwoYearGain(new DateOnly(2023, 4, 20));

        Assert.Null(gain.Factor);
        Assert.Null(gain.Earlier);
        Assert.Contains("2021-04-20", gain.Reason);
    }
}
