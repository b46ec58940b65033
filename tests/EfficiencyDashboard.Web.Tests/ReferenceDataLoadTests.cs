using System.Text.Json.Nodes;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EfficiencyDashboard.Web.Tests;

[Collection(DashboardCollection.Name)]
public sealed class ReferenceDataLoadTests : IDisposable
{
    private static readonly string ReferenceDirectory = Path.Combine(Hosting.RepositoryLayout.FindContentRoot(), "data", "reference");

    private readonly TemporaryDataDirectory _data = new();

    [Fact]
    public async Task Reference_data_is_loaded_once_per_version_with_every_row_and_exported_with_its_source()
    {
        using (var first = new DashboardFactory(_data.Path))
        {
            first.CreateClient();
        }

        using var second = new DashboardFactory(_data.Path);
        var client = second.CreateClient();
        await using var db = await second.Services.GetRequiredService<IDbContextFactory<EfficiencyContext>>().CreateDbContextAsync();

        Assert.Equal(1, await db.ReferenceDataVersions.CountAsync());
        Assert.Equal(DataLines("mlperf-inference-results.csv"), await db.ReferenceMlperfResults.CountAsync());
        Assert.Equal(DataLines("mlperf-inference-power.csv"), await db.ReferenceMlperfPower.CountAsync());
        Assert.Equal(DataLines("accelerators.csv"), await db.ReferenceAccelerators.CountAsync());

        var rows = (await client.GetStringAsync("/api/exports/reference-results.jsonl?hardware=NVIDIA%20A10"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("NVIDIA A10", (string?)r!["accelerator"]));
        Assert.All(rows, r => Assert.StartsWith("mlcommons/inference_results_v", (string?)r!["source"]));
        var twoNode = rows.First(r => (int?)r!["accelerators_per_node"] == 2);
        Assert.Equal((double)twoNode!["result"]! / 2, (double)twoNode["result_per_accelerator"]!, 6);
    }

    private static int DataLines(string file) =>
        File.ReadLines(Path.Combine(ReferenceDirectory, file)).Skip(1).Count(l => !string.IsNullOrWhiteSpace(l));

    public void Dispose() => _data.Dispose();
}
