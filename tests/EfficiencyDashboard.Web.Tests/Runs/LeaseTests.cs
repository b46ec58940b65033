using System.Reflection;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Core.Suites;
using EfficiencyDashboard.Web.Runs;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EfficiencyDashboard.Web.Tests.Runs;

/// <summary>Runs whose worker stopped renewing their lease (it died where no supervisor saw it), taken back while the app runs.</summary>
[Collection(DashboardCollection.Name)]
public sealed class LeaseTests(DashboardFixture app) : IClassFixture<DashboardFixture>
{
    /// <summary>Properties a repeat must not copy: its identity and its own execution.</summary>
    private static readonly HashSet<string> ExecutionState =
    [
        nameof(Run.Id), nameof(Run.Model), nameof(Run.Result), nameof(Run.Status), nameof(Run.Phase), nameof(Run.PhaseDetail),
        nameof(Run.Progress), nameof(Run.ElapsedSeconds), nameof(Run.EtaSeconds), nameof(Run.QueriesCompleted), nameof(Run.Error),
        nameof(Run.CancelRequested), nameof(Run.Attempt), nameof(Run.ExecutedBy), nameof(Run.LeaseOwner), nameof(Run.LeaseExpiresAtUtc),
        nameof(Run.JobId), nameof(Run.RequeuedFromRunId), nameof(Run.HardwareId), nameof(Run.CreatedAtUtc), nameof(Run.StartedAtUtc),
        nameof(Run.FinishedAtUtc), nameof(Run.UpdatedAtUtc),
    ];

    private IDbContextFactory<EfficiencyContext> Db => app.Factory.Services.GetRequiredService<IDbContextFactory<EfficiencyContext>>();

    [Fact]
    public async Task A_run_whose_lease_lapsed_is_interrupted_and_queued_again_with_every_setting()
    {
        var lapsed = await StoreLapsedRunsAsync(1);

        var retry = await WaitForRetryAsync(lapsed[0]);

        await using var db = await Db.CreateDbContextAsync();
        var old = await db.Runs.AsNoTracking().SingleAsync(r => r.Id == lapsed[0]);
        Assert.Equal(RunStatus.Interrupted, old.Status);
        Assert.Contains("Its worker (gone-host/worker-dead) stopped renewing the run's lease during the measured window", old.Error);
        Assert.Equal(2, retry.Attempt);
        Assert.Equal(RunStatus.Queued, retry.Status);
        foreach (var property in typeof(Run).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && !ExecutionState.Contains(p.Name)))
        {
            Assert.True(Same(property.GetValue(old), property.GetValue(retry)), $"The retry's {property.Name} differs from the interrupted run's.");
        }
    }

    [Fact]
    public async Task Processes_that_notice_a_lapsed_lease_at_the_same_time_queue_it_again_exactly_once()
    {
        var lapsed = await StoreLapsedRunsAsync(8);
        // Two more sweepers (their own connections, as other processes have) race the web's own poller.
        var sweepers = new[] { app.Factory.Services.GetRequiredService<RunLifecycle>(), ActivatorUtilities.CreateInstance<RunLifecycle>(app.Factory.Services) };

        var taken = await Task.WhenAll(sweepers.Select(s => Task.Run(() => s.ExpireLeasesAsync(CancellationToken.None))));
        foreach (var runId in lapsed)
        {
            await WaitForRetryAsync(runId);
        }

        await using var db = await Db.CreateDbContextAsync();
        var retries = await db.Runs.Where(r => r.RequeuedFromRunId != null && lapsed.Contains(r.RequeuedFromRunId.Value))
            .GroupBy(r => r.RequeuedFromRunId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(lapsed.Count, retries.Count);
        Assert.All(retries, count => Assert.Equal(1, count));
        Assert.True(taken.Sum() <= lapsed.Count);
        Assert.All(await db.Runs.Where(r => lapsed.Contains(r.Id)).Select(r => r.Status).ToListAsync(), s => Assert.Equal(RunStatus.Interrupted, s));
    }

    /// <summary>
    /// Running runs whose worker is gone: every setting filled in, on a device queue no worker serves (their retries
    /// stay queued), with a lease that lapsed a minute ago.
    /// </summary>
    private async Task<List<long>> StoreLapsedRunsAsync(int count)
    {
        await using var db = await Db.CreateDbContextAsync();
        var model = await db.Models.FirstAsync(m => m.Key == "mobilenetv2-1.0-generated");
        var suite = db.SuiteRuns.Add(new SuiteRun { Name = "tiny", Status = RunStatus.Running, Phase = "measuring", CreatedAtUtc = DateTime.UtcNow }).Entity;
        await db.SaveChangesAsync();
        var now = DateTime.UtcNow;
        var runs = Enumerable.Range(0, count).Select(i => new Run
        {
            ModelId = model.Id,
            ExecutionProvider = ExecutionProvider.Cuda,
            Scenario = Scenario.Server,
            BatchSize = 2 + i,
            DurationSeconds = 7.5,
            MinQueries = 123,
            WarmupQueries = 4,
            TargetQps = 42.5,
            LatencyBoundMs = 17,
            StrictValidity = true,
            SuiteRunId = suite.Id,
            AllowCpuFallback = true,
            InputShapes = new() { ["input"] = [2 + i, 3, 160, 160] },
            Device = "gpu-nobody-serves",
            Status = RunStatus.Running,
            Phase = RunPhase.Measuring,
            Progress = 0.4,
            ExecutedBy = "gone-host/worker-dead",
            LeaseOwner = "gone-host/worker-dead",
            LeaseExpiresAtUtc = now.AddMinutes(-1),
            CreatedAtUtc = now.AddMinutes(-3),
            StartedAtUtc = now.AddMinutes(-2),
            UpdatedAtUtc = now.AddMinutes(-1),
        }).ToList();
        db.Runs.AddRange(runs);
        await db.SaveChangesAsync();
        return [.. runs.Select(r => r.Id)];
    }

    private async Task<Run> WaitForRetryAsync(long runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using (var db = await Db.CreateDbContextAsync())
            {
                if (await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.RequeuedFromRunId == runId) is { } retry)
                {
                    return retry;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"Run {runId} was not queued again within 60 s.");
            await Task.Delay(100);
        }
    }

    private static bool Same(object? a, object? b) => (a, b) switch
    {
        (Dictionary<string, int[]> x, Dictionary<string, int[]> y) =>
            x.Count == y.Count && x.All(e => y.TryGetValue(e.Key, out var v) && v.SequenceEqual(e.Value)),
        _ => Equals(a, b),
    };
}
