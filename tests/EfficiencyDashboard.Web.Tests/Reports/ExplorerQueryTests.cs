using System.Text.Json.Nodes;
using EfficiencyDashboard.Core.Exports;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Reports.Explorer;
using EfficiencyDashboard.Web.Tests.Infrastructure;

namespace EfficiencyDashboard.Web.Tests.Reports;

[Collection(DashboardCollection.Name)]
public sealed class ExplorerQueryTests(ExplorerFixture runs) : IClassFixture<ExplorerFixture>
{
    private static long Id(JsonObject run) => (long)run["id"]!;

    private async Task<RunExplorerPage> PageAsync(RunExplorerFilter filter, RunExplorerSort? sort = null, int page = 0, int size = 25)
    {
        await using var db = await runs.CreateDbContextAsync();
        return await RunExplorerQuery.PageAsync(db, filter, sort ?? RunExplorerSort.NewestFirst, page, size);
    }

    private static RunExplorerFilter Where(ExportFilter shared, Scenario? scenario = null) => new(shared, scenario);

    [Fact]
    public async Task Each_filter_returns_exactly_the_matching_runs_and_their_count()
    {
        var mobileNet = await PageAsync(Where(new ExportFilter(ModelId: runs.MobileNetId)));
        var resNet = await PageAsync(Where(new ExportFilter(Family: "resnet")));
        var offline = await PageAsync(Where(ExportFilter.None, Scenario.Offline));
        var succeeded = await PageAsync(Where(new ExportFilter(Status: "succeeded", Provider: "cpu")));
        var cuda = await PageAsync(Where(new ExportFilter(Provider: "cuda")));
        var tomorrow = DateTime.UtcNow.Date.AddDays(1);
        var future = await PageAsync(Where(new ExportFilter(FromUtc: tomorrow)));
        var past = await PageAsync(Where(new ExportFilter(ToUtc: tomorrow)));
        var machine = (string)runs.ResNet["result"]!["provenance"]!["machineName"]!;
        var onThisMachine = await PageAsync(Where(new ExportFilter(Hardware: machine, Family: "MobileNet")));

        Assert.Equal([Id(runs.MobileNetOffline), Id(runs.MobileNetSingleStream)], mobileNet.Rows.Select(r => r.Id));
        Assert.Equal(2, mobileNet.Total);
        Assert.Equal([Id(runs.ResNet)], resNet.Rows.Select(r => r.Id));
        Assert.Equal([Id(runs.MobileNetOffline)], offline.Rows.Select(r => r.Id));
        Assert.Equal(3, succeeded.Total);
        Assert.Equal((0, 0), (cuda.Total, cuda.Rows.Count));
        Assert.Equal(0, future.Total);
        Assert.Equal(3, past.Total);
        Assert.Equal(2, onThisMachine.Total);
        var row = resNet.Rows[0];
        Assert.Equal((ExecutionProvider.Cpu, ExecutionProvider.Cpu, true), (row.RequestedProvider, row.ActualProvider!.Value, row.IsValid is not null));
        Assert.Equal((double)runs.ResNet["result"]!["latencyP50Ms"]!, row.LatencyP50Ms!.Value, 9);
    }

    [Fact]
    public async Task The_contention_filter_splits_runs_by_their_host_busy_verdict_and_shows_the_figure()
    {
        var busy = await PageAsync(RunExplorerFilter.None with { Contention = HostContentionFilter.HostBusy });
        var quiet = await PageAsync(RunExplorerFilter.None with { Contention = HostContentionFilter.Quiet });
        var notMeasured = await PageAsync(RunExplorerFilter.None with { Contention = HostContentionFilter.NotMeasured });

        // Every run here was measured on Linux; whether this machine was busy decides only which side each falls on.
        Assert.Equal(0, notMeasured.Total);
        Assert.Equal(runs.All.Select(Id).Order(), busy.Rows.Concat(quiet.Rows).Select(r => r.Id).Order());
        Assert.All(busy.Rows, r => Assert.True(r.HostBusy));
        Assert.All(quiet.Rows, r => Assert.False(r.HostBusy));
        foreach (var row in busy.Rows.Concat(quiet.Rows))
        {
            var stored = runs.All.Single(r => Id(r) == row.Id)["result"]!;
            Assert.Equal((double)stored["hostContention"]!["otherCores"]!, row.HostContentionCores!.Value, 9);
            Assert.Equal((bool)stored["hostBusy"]!, row.HostBusy);
        }

        var (filter, errors) = RunExplorerFilter.FromUri("/runs?contention=host-busy");
        Assert.Equal(HostContentionFilter.HostBusy, filter.Contention);
        Assert.Equal("host-busy", filter.QueryParameters()["contention"]);
        Assert.Empty(errors);
        Assert.Equal(["contention"], RunExplorerFilter.FromUri("/runs?contention=noisy").Errors.Keys);
    }

    [Fact]
    public async Task Pages_split_the_filtered_runs_newest_first_and_keep_the_total()
    {
        var first = await PageAsync(RunExplorerFilter.None, size: 2);
        var second = await PageAsync(RunExplorerFilter.None, page: 1, size: 2);
        var oldestFirst = await PageAsync(RunExplorerFilter.None, new RunExplorerSort(RunExplorerSortKey.Created, Descending: false));

        Assert.Equal([Id(runs.ResNet), Id(runs.MobileNetOffline)], first.Rows.Select(r => r.Id));
        Assert.Equal([Id(runs.MobileNetSingleStream)], second.Rows.Select(r => r.Id));
        Assert.Equal((3, 3), (first.Total, second.Total));
        Assert.Equal(runs.All.Select(Id), oldestFirst.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Sorting_by_throughput_or_p50_orders_by_the_measured_figure()
    {
        var fastest = await PageAsync(RunExplorerFilter.None, new RunExplorerSort(RunExplorerSortKey.Throughput, Descending: true));
        var quickest = await PageAsync(RunExplorerFilter.None, new RunExplorerSort(RunExplorerSortKey.LatencyP50, Descending: false));

        var byThroughput = runs.All.OrderByDescending(r => (double)r["result"]!["throughputPerSecond"]!).Select(Id);
        var byLatency = runs.All.OrderBy(r => (double)r["result"]!["latencyP50Ms"]!).Select(Id);
        Assert.Equal(byThroughput, fastest.Rows.Select(r => r.Id));
        Assert.Equal(byLatency, quickest.Rows.Select(r => r.Id));
        Assert.True(fastest.Rows[0].ThroughputPerSecond >= fastest.Rows[^1].ThroughputPerSecond);
    }

    [Fact]
    public void Filters_read_from_the_address_use_the_export_names_and_report_bad_values()
    {
        var (filter, errors) = RunExplorerFilter.FromUri("http://host/runs?family=ResNet&provider=cpu&status=Succeeded&from=2026-01-31&scenario=bogus&modelId=7");

        Assert.Equal(new ExportFilter(new DateTime(2026, 1, 31, 0, 0, 0, DateTimeKind.Utc), null, null, 7, "ResNet", "cpu", "succeeded"), filter.Shared);
        Assert.Null(filter.Scenario);
        Assert.Equal(["scenario"], errors.Keys);
        Assert.Equal("?from=2026-01-31&modelId=7&family=ResNet&provider=cpu&status=succeeded", filter.ExportQueryString());
        Assert.Equal(Scenario.Offline, RunExplorerFilter.FromUri("/compare?scenario=offline").Filter.Scenario);
    }

    [Fact]
    public async Task A_comparison_loads_measured_runs_in_order_with_samples_and_reports_missing_ones()
    {
        var (ids, problems) = RunComparison.ParseIds($"{Id(runs.MobileNetSingleStream)}, x, {Id(runs.ResNet)},99999,{Id(runs.ResNet)}");
        await using var db = await runs.CreateDbContextAsync();

        var comparison = await RunComparison.LoadAsync(db, ids, baselineId: Id(runs.ResNet));

        Assert.Equal(["'x' is not a run id."], problems);
        Assert.True(comparison.CanCompare);
        Assert.Equal([Id(runs.MobileNetSingleStream), Id(runs.ResNet)], comparison.Runs.Select(r => r.Id));
        Assert.Equal(Id(runs.ResNet), comparison.Baseline!.Id);
        Assert.Contains("Run 99999 does not exist.", comparison.Problems);
        var mobileNet = comparison.Runs[0];
        Assert.Equal((int)runs.MobileNetSingleStream["result"]!["queryCount"]!, mobileNet.SampleCount);
        Assert.Equal(mobileNet.SampleCount, mobileNet.LatencyMs.Length);
        var throughput = ComparisonMetric.All.Single(m => m.Key == "throughputPerSecond");
        var p50 = ComparisonMetric.All.Single(m => m.Key == "latencyP50Ms");
        Assert.Equal(mobileNet.Result.ThroughputPerSecond / comparison.Baseline.Result.ThroughputPerSecond, throughput.RatioToBaseline(mobileNet, comparison.Baseline)!.Value, 9);
        Assert.Equal(comparison.Baseline.Result.LatencyP50Ms / mobileNet.Result.LatencyP50Ms, p50.RatioToBaseline(mobileNet, comparison.Baseline)!.Value, 9);
        Assert.Null(ComparisonMetric.All.Single(m => m.Key == "model").RatioToBaseline(mobileNet, comparison.Baseline));
    }
}
