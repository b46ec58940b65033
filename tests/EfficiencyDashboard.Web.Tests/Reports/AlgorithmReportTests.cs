using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Reports;
using EfficiencyDashboard.Web.Reports.AlgorithmReport;

namespace EfficiencyDashboard.Web.Tests.Reports;

[Collection(AlgorithmReportCollection.Name)]
public sealed class AlgorithmReportTests(AlgorithmReportFixture data)
{
    [Fact]
    public async Task A_variant_measured_twice_beside_its_parent_has_a_speed_up_with_an_interval_from_repeated_runs()
    {
        await using var db = await data.CreateDbContextAsync();

        // The fixture's runs are short, so INVALID: the switch includes them, and they are counted as such.
        var report = await AlgorithmReportData.LoadAsync(db, new AlgorithmFilters(1, ExecutionProvider.Cpu, data.HardwareId, Runs: RunSelection.IncludeInvalid));

        var pair = Assert.Single(report.Comparisons);
        Assert.Equal(data.VariantId, pair.Variant.Id);
        Assert.Equal(data.MobileNetId, pair.Baseline.Id);
        Assert.Equal(2, pair.BaselineRuns.Runs);
        Assert.Equal(2, pair.VariantRuns.Runs);
        Assert.Equal(4, pair.InvalidRuns);
        Assert.Contains("geometric means", pair.SpeedUp.Method);
        Assert.InRange(pair.SpeedUp.Factor, pair.SpeedUp.CiLow95!.Value, pair.SpeedUp.CiHigh95!.Value);
        Assert.InRange(pair.Variant.Fidelity!.CosineSimilarity!.Value, 0.9, 1.0);
        Assert.NotNull(pair.Variant.Fidelity.Top1Agreement);
        Assert.True(pair.EnergyGain is not null || pair.EnergyNotMeasured!.StartsWith("Not measured", StringComparison.Ordinal));
        Assert.True(pair.MacReduction is not null);
    }

    [Fact]
    public async Task One_run_a_side_gives_the_ratio_with_no_interval_until_the_runs_are_repeated()
    {
        await using var db = await data.CreateDbContextAsync();

        var report = await AlgorithmReportData.LoadAsync(db, new AlgorithmFilters(BatchSize: 2, Runs: RunSelection.IncludeInvalid));

        var pair = Assert.Single(report.Comparisons);
        Assert.Contains("one run each: no interval; repeat to get one", pair.SpeedUp.Method);
        Assert.False(pair.SpeedUp.HasInterval);
        Assert.Equal(1, pair.BaselineRuns.Runs);
    }

    [Fact]
    public async Task Without_the_switch_the_invalid_runs_are_left_out()
    {
        await using var db = await data.CreateDbContextAsync();

        var report = await AlgorithmReportData.LoadAsync(db, new AlgorithmFilters());

        Assert.Empty(report.Comparisons);
        Assert.Equal(1, report.VariantCount);
    }

    [Fact]
    public async Task Without_filters_both_settings_are_listed_and_the_filters_round_trip_through_the_address()
    {
        await using var db = await data.CreateDbContextAsync();

        var report = await AlgorithmReportData.LoadAsync(db, new AlgorithmFilters(Runs: RunSelection.IncludeInvalid));
        var filters = AlgorithmFilters.Parse(1, "cpu", data.HardwareId, "single-stream", "include");

        Assert.Equal(2, report.Comparisons.Count);
        Assert.Equal([1, 2], report.Settings.Select(s => s.BatchSize).Order());
        Assert.Equal($"?batch=1&provider=cpu&hardware={data.HardwareId}&scenario=single-stream&invalid=include", filters.ToQuery());
        Assert.Single(ParetoFront.Of(report.Comparisons.Where(c => c.Setting.BatchSize == 1)));
    }
}
