using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Reports;
using EfficiencyDashboard.Web.Reports.ArchitectureReport;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EfficiencyDashboard.Web.Tests.Reports;

[Collection(DashboardCollection.Name)]
public sealed class ArchitectureReportDataTests(DashboardFixture app) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task Each_measured_model_is_a_point_of_its_family_with_its_best_run_at_the_batch_size_and_provider()
    {
        var mobileNet = await app.Client.ModelIdAsync("mobilenetv2-1.0-generated");
        var resNet = await app.Client.ModelIdAsync("resnet18-pretrained");
        var measured = new List<(int ModelId, long RunId, double Throughput)>();
        foreach (var (modelId, batchSize) in new[] { (mobileNet, 1), (mobileNet, 1), (resNet, 1), (mobileNet, 2) })
        {
            var id = await app.Client.StartRunAsync(new { modelId, executionProvider = "cpu", batchSize, durationSeconds = 0.3, minQueries = 3, warmupQueries = 1 });
            var run = await app.Client.WaitForStatusAsync(id, "succeeded");
            if (batchSize == 1)
            {
                measured.Add((modelId, id, (double)run["result"]!["throughputPerSecond"]!));
            }
        }

        // Short runs are INVALID: the switch includes them.
        Assert.Empty((await LoadAsync(ArchitectureReportFilters.FromQuery(1, "cpu"))).Models);
        var report = await LoadAsync(ArchitectureReportFilters.FromQuery(1, "cpu", invalid: "include"));

        Assert.Equal(2, report.Models.Count);
        Assert.Equal([ModelFamily.ResNet, ModelFamily.MobileNet], report.Models.Select(p => p.Family).Order());
        foreach (var point in report.Models)
        {
            var best = measured.Where(m => m.ModelId == point.ModelId).MaxBy(m => m.Throughput);
            Assert.Equal(best.RunId, point.BestThroughputRunId);
            Assert.Equal(best.Throughput, point.BestThroughputPerSecond, 9);
            Assert.Equal(measured.Count(m => m.ModelId == point.ModelId), point.RunCount);
            Assert.Equal(point.RunCount, point.InvalidRuns);
            var runs = measured.Where(m => m.ModelId == point.ModelId).Select(m => m.Throughput).ToList();
            Assert.Equal(Math.Exp(runs.Average(Math.Log)), point.ThroughputPerSecond, 6);
            Assert.True(point.Model.ParameterCount > 1_000_000 && point.Model.FlopsPerSample == 2 * point.Model.MacsPerSample);
            Assert.True(point.SamplesPerJoule is null or > 0);
            Assert.Equal(point.SamplesPerJoule is null, point.BestSamplesPerJouleRunId is null);
        }

        Assert.Contains(1, report.BatchSizes);
        Assert.Contains(2, report.BatchSizes);
        Assert.Equal([ExecutionProvider.Cpu], report.Providers);
        var atTwo = Assert.Single((await LoadAsync(new ArchitectureReportFilters(2, ExecutionProvider.Cpu, Runs: RunSelection.IncludeInvalid))).Models);
        Assert.Equal(ModelFamily.MobileNet, atTwo.Family);
        Assert.Empty((await LoadAsync(new ArchitectureReportFilters(1, ExecutionProvider.Cuda, Runs: RunSelection.IncludeInvalid))).Models);
        // MobileNetV2 has a published ImageNet top-1 (reference); the pretrained CNTK featurizer has none.
        Assert.Equal(71.878, report.Models.Single(p => p.Family == ModelFamily.MobileNet).Quality);
        Assert.Null(report.Models.Single(p => p.Family == ModelFamily.ResNet).Quality);
    }

    [Theory]
    [InlineData(null, null, null, 1, ExecutionProvider.Cpu, Scenario.SingleStream)]
    [InlineData(4, "CUDA", "offline", 4, ExecutionProvider.Cuda, Scenario.Offline)]
    [InlineData(0, "tensorrt", "server", 1, ExecutionProvider.TensorRt, Scenario.SingleStream)]
    [InlineData(8, "quantum", "sideways", 8, ExecutionProvider.Cpu, Scenario.SingleStream)]
    public void Filters_come_from_the_query_string_with_defaults_and_never_the_server_scenario(
        int? batch, string? provider, string? scenario, int expectedBatch, ExecutionProvider expectedProvider, Scenario expectedScenario) =>
        Assert.Equal(new ArchitectureReportFilters(expectedBatch, expectedProvider, expectedScenario), ArchitectureReportFilters.FromQuery(batch, provider, scenario));

    private async Task<ArchitectureReportData> LoadAsync(ArchitectureReportFilters filters)
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<EfficiencyContext>>().CreateDbContextAsync();
        return await ArchitectureReportData.LoadAsync(db, filters);
    }
}
