using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Reports;
using EfficiencyDashboard.Web.Reports.HardwareReport;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EfficiencyDashboard.Web.Tests.Reports;

[Collection(DashboardCollection.Name)]
public sealed class HardwareReportDataTests(DashboardFixture app) : IClassFixture<DashboardFixture>
{
    private static readonly DateOnly AsOf = new(2026, 1, 1);

    [Fact]
    public async Task Resnet50_best_per_accelerator_and_round_matches_the_shipped_csv()
    {
        var report = await LoadAsync(HardwareReportFilters.FromQuery("resnet50"));

        // mlperf-inference-results.csv, v3.0 closed datacenter resnet50 Offline with NVIDIA L4: the best per accelerator
        // is Nettrix L4x5_Custom_X620_G50_TRT, 67974.6 samples/s over 5 L4s = 13594.92 (ASUSTeK's 8x L4 gives 13068.125).
        var l4 = report.Accelerators.Single(a => a.Accelerator == "NVIDIA L4").Rounds.Single(r => r.Round == "v3.0");
        Assert.Equal(13594.92, l4.BestThroughputPerAccelerator!.Value, 6);
        Assert.Equal("Nettrix L4x5_Custom_X620_G50_TRT", l4.ThroughputSource);
        Assert.Equal("Samples per second per accelerator", l4.ThroughputUnit);

        // mlperf-inference-power.csv, v3.0 resnet50 H100-PCIe-80GBx8_TRT_MaxQ: throughput_per_watt 159.144 (whole system).
        var h100 = report.Accelerators.Single(a => a.Accelerator == "NVIDIA H100-PCIe-80GB").Rounds.Single(r => r.Round == "v3.0");
        Assert.Equal(159.144, h100.BestSystemSamplesPerJoule!.Value, 6);

        Assert.All(report.Accelerators, a => Assert.Equal(a.Rounds.OrderBy(r => r.Published), a.Rounds));
        Assert.NotNull(report.ReferenceVersion);
        Assert.True(report.TwoYearGain!.Throughput.Gain > 1);
        Assert.Contains("v4.1", report.TwoYearGain.Throughput.Description);
    }

    [Fact]
    public async Task Datasheet_trends_have_positive_doubling_times_and_a_rising_fitted_line()
    {
        var report = await LoadAsync(HardwareReportFilters.Default);

        foreach (var trend in new[] { report.PeakFp16, report.MemoryBandwidth })
        {
            Assert.True(trend.Points.Count >= 10, $"{trend.Metric}: {trend.Points.Count} points");
            Assert.InRange(trend.DoublingTime!.Years!.Value, 0.5, 10);
            Assert.Equal(2, trend.FittedLine.Count);
            Assert.True(trend.FittedLine[1].Value > trend.FittedLine[0].Value);
            Assert.Equal(trend.DoublingTime.From, trend.FittedLine[0].Date);
        }
    }

    [Fact]
    public async Task Other_benchmarks_load_with_their_own_units_and_unknown_ones_fall_back_to_resnet50()
    {
        var llama = await LoadAsync(HardwareReportFilters.FromQuery("llama2-70b"));
        var bert = await LoadAsync(HardwareReportFilters.FromQuery("bert-99"));

        Assert.Equal("llama2-70b-99", llama.Filters.Benchmark);
        Assert.NotEmpty(llama.Accelerators);
        Assert.Contains(llama.Accelerators.SelectMany(a => a.Rounds), r => r.ThroughputUnit!.StartsWith("Tokens per second", StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(bert.Accelerators);
        Assert.False(llama.Filters.ComparesWithMeasuredResNet);
        Assert.Equal("resnet50", HardwareReportFilters.FromQuery("sideways").Benchmark);
    }

    [Fact]
    public async Task A_measured_resnet_run_appears_as_this_hosts_best_with_an_honest_comparison_and_the_hardware_record()
    {
        var modelId = await app.Client.ModelIdAsync("resnet18-pretrained");
        var slow = await app.Client.StartRunAsync(new { modelId, executionProvider = "cpu", batchSize = 1, durationSeconds = 0.3, minQueries = 3, warmupQueries = 1 });
        var fast = await app.Client.StartRunAsync(new { modelId, executionProvider = "cpu", batchSize = 1, durationSeconds = 0.3, minQueries = 3, warmupQueries = 1 });
        var throughputs = new List<(long Id, double Value)>();
        foreach (var id in new[] { slow, fast })
        {
            var run = await app.Client.WaitForStatusAsync(id, "succeeded");
            throughputs.Add((id, (double)run["result"]!["throughputPerSecond"]!));
        }

        Assert.DoesNotContain((await LoadAsync(HardwareReportFilters.Default)).Measured, m => m.ModelName == "ResNet-18 (pretrained)");
        var report = await LoadAsync(HardwareReportFilters.Default with { Runs = RunSelection.IncludeInvalid });

        var best = throughputs.MaxBy(t => t.Value);
        var figure = Assert.Single(report.Measured, m => m.ModelName == "ResNet-18 (pretrained)");
        Assert.Equal(best.Id, figure.RunId);
        Assert.Equal(best.Value, figure.ThroughputPerSecond, 9);
        Assert.Equal(ExecutionProvider.Cpu, figure.Provider);
        Assert.Contains("different model", figure.Comparability);
        var machine = Assert.Single(report.Hardware);
        Assert.True(machine.SucceededRuns >= 2);
        Assert.Contains(machine.ExecutionProviders, p => p.Provider == "cpu" && p.Loads);
        Assert.Null(machine.GpuName);
        Assert.NotNull(machine.GpuUnavailableReason);
    }

    private async Task<HardwareReportData> LoadAsync(HardwareReportFilters filters)
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<EfficiencyContext>>().CreateDbContextAsync();
        return await HardwareReportData.LoadAsync(db, filters, AsOf);
    }
}
