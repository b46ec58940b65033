using System.Net;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Web.Hosting;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EfficiencyDashboard.Web.Tests.Workers;

/// <summary>The real worker process, killed while it measures, as the kernel's out-of-memory killer or a crash would.</summary>
[Collection(DashboardCollection.Name)]
public sealed class WorkerCrashTests(DashboardFixture app) : IClassFixture<DashboardFixture>
{
    private HttpClient Client => app.Client;

    [Fact]
    public async Task A_worker_killed_mid_run_ends_the_run_with_the_cause_while_the_web_keeps_serving_and_a_fresh_worker_runs_it_again()
    {
        var modelId = await Client.ModelIdAsync("mobilenetv2-1.0-generated");
        var id = await Client.StartRunAsync(new { modelId, batchSize = 1, durationSeconds = 5, minQueries = 3, warmupQueries = 1 });
        await Client.WaitForRunAsync(id, r => (string?)r["phase"] == "measuring");
        var killed = app.Factory.Worker;

        Assert.True(Signals.Send(killed.ProcessId!.Value, Signals.SigKill));
        var run = await Client.WaitForStatusAsync(id, "interrupted");
        var live = await Client.GetAsync("/healthz");

        Assert.Contains("The runner process was killed by signal 9 (SIGKILL", (string?)run["error"]);
        Assert.Contains("during the measured window", (string?)run["error"]);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var retryId = await RetryOfAsync(id);
        var retry = await Client.WaitForStatusAsync(retryId, "succeeded");
        Assert.Equal(2, (int)retry["attempt"]!);
        Assert.NotEqual(killed.WorkerId, (string?)retry["executedBy"]);
        Assert.NotEqual(killed.ProcessId, app.Factory.Worker.ProcessId);
        Assert.Contains("\"Healthy\"", await Client.GetStringAsync("/healthz/ready"));
    }

    [Fact]
    public async Task A_run_whose_worker_dies_on_both_attempts_fails_as_poison_and_is_not_queued_again()
    {
        var modelId = await Client.ModelIdAsync("mobilenetv2-1.0-generated");
        var id = await Client.StartRunAsync(new { modelId, batchSize = 1, durationSeconds = 600, minQueries = 3, warmupQueries = 1 });

        await KillWhileMeasuringAsync(id);
        await Client.WaitForStatusAsync(id, "interrupted");
        var retryId = await RetryOfAsync(id);
        await KillWhileMeasuringAsync(retryId);
        var poisoned = await Client.WaitForStatusAsync(retryId, "failed");

        Assert.Contains("killed by signal 9", (string?)poisoned["error"]);
        Assert.Contains("attempt 2 of 2, so the run is not queued again", (string?)poisoned["error"]);
        await using var db = await Db.CreateDbContextAsync();
        Assert.False(await db.Runs.AnyAsync(r => r.RequeuedFromRunId == retryId));
    }

    private IDbContextFactory<EfficiencyContext> Db => app.Factory.Services.GetRequiredService<IDbContextFactory<EfficiencyContext>>();

    private async Task KillWhileMeasuringAsync(long runId)
    {
        await Client.WaitForRunAsync(runId, r => (string?)r["phase"] == "measuring");
        Assert.True(Signals.Send(app.Factory.Worker.ProcessId!.Value, Signals.SigKill));
    }

    private async Task<long> RetryOfAsync(long runId)
    {
        await using var db = await Db.CreateDbContextAsync();
        return await db.Runs.Where(r => r.RequeuedFromRunId == runId).Select(r => r.Id).SingleAsync();
    }
}
