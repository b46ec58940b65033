using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EfficiencyDashboard.Web.Tests.Runs;

[Collection(DashboardCollection.Name)]
public sealed class RestartTests : IDisposable
{
    private static readonly Dictionary<string, string?> GpuOnly = new() { ["Runner:Devices:0"] = "gpu0", ["Runner:Devices:1"] = "" };

    private readonly TemporaryDataDirectory _data = new();

    [Fact]
    public async Task A_queued_run_survives_a_restart_and_then_runs()
    {
        long id;
        using (var first = new DashboardFactory(_data.Path, GpuOnly))
        {
            // This host serves no CPU queue, so the run stays queued until the process goes away.
            var client = first.CreateClient();
            var modelId = await client.ModelIdAsync("mobilenetv2-1.0-generated");
            id = await client.StartRunAsync(new { modelId, batchSize = 1, durationSeconds = 0.2, minQueries = 3 });
            await Task.Delay(2500);
            Assert.Equal("queued", (string?)(await client.GetRunAsync(id))["status"]);
        }

        using var second = new DashboardFactory(_data.Path);
        var run = await second.CreateClient().WaitForStatusAsync(id, "succeeded");

        Assert.NotNull(run["result"]);
        Assert.Null(run["requeuedFromRunId"]);
    }

    [Fact]
    public async Task A_run_executing_when_the_server_shuts_down_is_interrupted_and_runs_after_the_restart()
    {
        long id;
        using (var first = new DashboardFactory(_data.Path))
        {
            var client = first.CreateClient();
            var modelId = await client.ModelIdAsync("mobilenetv2-1.0-generated");
            id = await client.StartRunAsync(new { modelId, batchSize = 1, durationSeconds = 60, minQueries = 3 });
            await client.WaitForRunAsync(id, r => (string?)r["phase"] == "measuring");
        }

        using var second = new DashboardFactory(_data.Path);
        var client2 = second.CreateClient();
        var stopped = await client2.GetRunAsync(id);
        Assert.Equal("interrupted", (string?)stopped["status"]);
        Assert.Contains("shut down", (string?)stopped["error"]);
        Assert.Contains("during the measured window", (string?)stopped["error"]);
        await using var db = await Db(second).CreateDbContextAsync();
        var retryId = await db.Runs.Where(r => r.RequeuedFromRunId == id).Select(r => r.Id).SingleAsync();
        // Nothing went wrong with the run itself: a graceful stop does not count as an attempt.
        Assert.Equal(1, await db.Runs.Where(r => r.Id == retryId).Select(r => r.Attempt).SingleAsync());
        // The retry measures the full minute again; cancelling it shows it was queued and picked up.
        await client2.WaitForStatusAsync(retryId, "running");
        await client2.PostAsync($"/api/runs/{retryId}/cancel", null);
        await client2.WaitForStatusAsync(retryId, "cancelled");
    }

    private static IDbContextFactory<EfficiencyContext> Db(DashboardFactory factory) =>
        factory.Services.GetRequiredService<IDbContextFactory<EfficiencyContext>>();

    public void Dispose() => _data.Dispose();
}
