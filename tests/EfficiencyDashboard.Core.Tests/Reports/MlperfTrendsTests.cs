using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Core.Tests.Reference;

namespace EfficiencyDashboard.Core.Tests.Reports;

public sealed class MlperfTrendsTests
{
    private static readonly MlperfTrends Trends = new(ShippedReferenceData.Data);
    private static readonly DateOnly LatestRound = new(2024, 8, 28);

    [Fact]
    public void The_two_year_resnet50_gain_is_above_one_and_names_its_rounds()
    {
        var gain = Trends.TwoYearGain(new MlperfSelection("resnet50"), LatestRound);

        Assert.True(gain.Throughput.Gain > 1, gain.Throughput.Description);
        Assert.Equal(("v4.1", "v2.1"), (gain.Throughput.Current!.Round, gain.Throughput.Earlier!.Round));
        Assert.Contains("v4.1 (2024-08-28) against v2.1 (2022-09-08)", gain.Throughput.Description);
        Assert.Equal(gain.Throughput.Current.Value / gain.Throughput.Earlier.Value, gain.Throughput.Gain!.Value, 12);
        Assert.InRange(gain.Throughput.SpanYears!.Value, 1.9, 2.1);
        Assert.NotNull(gain.SamplesPerJoule.Gain);
        Assert.Contains("v4.1", gain.SamplesPerJoule.Description);
    }

    [Fact]
    public void The_earlier_round_is_the_closest_to_two_years_before()
    {
        var gain = Trends.TwoYearGain(new MlperfSelection("bert-99"), new DateOnly(2023, 4, 5));

        Assert.Equal(("v3.0", "v1.0"), (gain.Throughput.Current!.Round, gain.Throughput.Earlier!.Round));
        Assert.True(gain.Throughput.Gain > 2);
    }

    [Fact]
    public void Best_figures_are_per_catalog_accelerator_and_round()
    {
        var best = Trends.BestByAcceleratorAndRound(new MlperfSelection("resnet50"));

        var a100 = best.Where(b => b.Accelerator == "NVIDIA A100-SXM4-80GB").ToList();
        Assert.All(a100, b => Assert.True(b.InCatalog));
        Assert.Equal(a100.Count, a100.Select(b => b.Round).Distinct().Count());
        var v10 = a100.Single(b => b.Round == "v1.0");
        Assert.Equal(39722.375, v10.BestThroughputPerAccelerator!.Value, 6);
        Assert.Equal("Samples per second per accelerator", v10.ThroughputUnit);
        Assert.NotNull(v10.BestSystemSamplesPerJoule);
        Assert.DoesNotContain(best, b => b.Accelerator == "N/A");
    }

    [Fact]
    public void No_earlier_round_gives_no_gain_and_says_why()
    {
        var gain = Trends.TwoYearGain(new MlperfSelection("resnet50"), new DateOnly(2021, 5, 1));

        Assert.Null(gain.Throughput.Gain);
        Assert.Contains("before v1.0", gain.Throughput.Description);
    }
}
