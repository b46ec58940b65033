using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
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

        var report = await LoadAsync(ArchitectureReportFilters.FromQuery(1, "cpu"));

        Assert.Equal(2, report.Models.Count);
        Assert.Equal([ModelFamily.ResNet, ModelFamily.MobileNet], report.Models.Select(p => p.Family).Order());
        foreach (var point in report.Models)
        {
            var best = measured.Where(m => m.ModelId == point.ModelId).MaxBy(m => m.Throughput);
            Assert.Equal(best.RunId, point.BestThroughputRunId);
            Assert.Equal(best.Throughput, point.BestThroughputPerSecond, 9);
            Assert.Equal(measured.Count(m => m.ModelId == point.ModelId), point.RunCount);
            Assert.True(point.ParameterCount > 1_000_000 && point.FlopsPerSample == 2 * point.MacsPerSample);
            Assert.True(point.BestSamplesPerJoule is null or > 0);
            Assert.Equal(point.BestSamplesPerJoule is null, point.BestSamplesPerJouleRunId is null);
        }

        Assert.Contains(1, report.BatchSizes);
        Assert.Contains(2, report.BatchSizes);
        Assert.Equal([ExecutionProvider.Cpu], report.Providers);
        var atTwo = Assert.Single((await LoadAsync(new ArchitectureReportFilters(2, ExecutionProvider.Cpu))).Models);
        Assert.Equal(ModelFamily.MobileNet, atTwo.Family);
        Assert.Empty((await LoadAsync(new ArchitectureReportFilters(1, ExecutionProvider.Cuda))).Models);
    }

    [Theory]
    [InlineData(null, null, 1, ExecutionProvider.Cpu)]
    [InlineData(4, "CUDA", 4, ExecutionProvider.Cuda)]
    [InlineData(0, "tensorrt", 1, ExecutionProvider.TensorRt)]
    [InlineData(8, "quantum", 8, ExecutionProvider.Cpu)]
    public void Filters_come_from_the_query_string_with_defaults(int? batch, string? provider, int expectedBatch, ExecutionProvider expectedProvider) =>
        Assert.Equal(new ArchitectureReportFilters(expectedBatch, expectedProvider), ArchitectureReportFilters.FromQuery(batch, provider));

    private async Task<ArchitectureReportData> LoadAsync(ArchitectureReportFilters filters)
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<EfficiencyContext>>().CreateDbContextAsync();
        return await ArchitectureReportData.LoadAsync(db, filters);
    }
}
