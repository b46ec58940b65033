using System.Diagnostics;
using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Web.Models;
using EfficiencyDashboard.Web.Runs;
using EfficiencyDashboard.Web.Variants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Workers;

/// <summary>
/// How the web hears what workers do: every <see cref="RunnerOptions.PollInterval"/> while a page follows live updates
/// (every <see cref="RunnerOptions.IdlePollInterval"/> while none does) it reads the runs, variant jobs and catalog
/// build rows changed since it last looked (an index range on their update times) and publishes them to the pages'
/// notifiers. About once a second, or at each idle poll, it also takes back work whose lease lapsed, so a dead worker's
/// runs are queued again while the app runs.
/// </summary>
public sealed class WorkerUpdatePoller(
    IDbContextFactory<EfficiencyContext> dbFactory,
    RunNotifier runs,
    VariantNotifier variants,
    CatalogProgress catalog,
    ExecutionProviderStatus providers,
    RunLifecycle lifecycle,
    WorkLeases leases,
    IOptions<RunnerOptions> options,
    TimeProvider clock,
    ILogger<WorkerUpdatePoller> logger) : BackgroundService
{
    // Rows are re-read for this long after they change: a writer's commit can land after a later timestamp was seen.
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan HardwareInterval = TimeSpan.FromSeconds(5);

    private readonly Dictionary<long, DateTime> _publishedRuns = [];
    private readonly Dictionary<long, DateTime> _publishedVariantJobs = [];
    private DateTime _catalogSeen;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var since = clock.GetUtcNow().UtcDateTime - Overlap;
        var sinceSweep = Stopwatch.StartNew();
        Stopwatch? sinceHardware = null;
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                since = await PublishChangesAsync(since, stoppingToken);
                if (sinceSweep.Elapsed >= SweepInterval)
                {
                    sinceSweep.Restart();
                    await lifecycle.ExpireLeasesAsync(stoppingToken);
                    await leases.ExpireAsync();
                }

                if (sinceHardware is null || sinceHardware.Elapsed >= HardwareInterval)
                {
                    sinceHardware = Stopwatch.StartNew();
                    await providers.RefreshAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Reading the workers' updates failed; trying again");
            }
        }
        while (await WaitAsync(timer, PollInterval(), stoppingToken));
    }

    /// <summary>Publishes what changed since <paramref name="since"/>; returns where the next poll starts.</summary>
    private async Task<DateTime> PublishChangesAsync(DateTime since, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changedRuns = await db.Runs.AsNoTracking().Where(r => r.UpdatedAtUtc > since).OrderBy(r => r.UpdatedAtUtc).ToListAsync(cancellationToken);
        foreach (var run in changedRuns.Where(r => _publishedRuns.GetValueOrDefault(r.Id) != r.UpdatedAtUtc))
        {
            _publishedRuns[run.Id] = run.UpdatedAtUtc;
            runs.Publish(RunUpdate.Of(run));
        }

        var changedJobs = await db.VariantJobs.AsNoTracking().Where(j => j.UpdatedAtUtc > since).OrderBy(j => j.UpdatedAtUtc).ToListAsync(cancellationToken);
        foreach (var job in changedJobs.Where(j => _publishedVariantJobs.GetValueOrDefault(j.Id) != j.UpdatedAtUtc))
        {
            _publishedVariantJobs[job.Id] = job.UpdatedAtUtc;
            variants.Publish(new VariantJobUpdate(job.Id, job.ParentId, job.Status, job.Phase, job.Error, job.VariantId));
        }

        var build = await db.CatalogBuilds.AsNoTracking().FirstOrDefaultAsync(b => b.Id == CatalogBuild.SingleId, cancellationToken);
        if (build is not null && build.UpdatedAtUtc != _catalogSeen)
        {
            _catalogSeen = build.UpdatedAtUtc;
            catalog.Publish(CatalogBuildStatus.Of(build));
        }

        var latest = changedRuns.Select(r => r.UpdatedAtUtc).Concat(changedJobs.Select(j => j.UpdatedAtUtc)).DefaultIfEmpty(since + Overlap).Max();
        var next = latest - Overlap > since ? latest - Overlap : since;
        Forget(_publishedRuns, next);
        Forget(_publishedVariantJobs, next);
        return next;
    }

    /// <summary>Rows older than the window cannot come back through it; their entries are no longer needed.</summary>
    private static void Forget(Dictionary<long, DateTime> published, DateTime since)
    {
        foreach (var id in published.Where(p => p.Value <= since).Select(p => p.Key).ToList())
        {
            published.Remove(id);
        }
    }

    private TimeSpan PollInterval() =>
        runs.IsWatched || variants.IsWatched || catalog.IsWatched ? options.Value.PollInterval : options.Value.IdlePollInterval;

    private static async Task<bool> WaitAsync(PeriodicTimer timer, TimeSpan period, CancellationToken stoppingToken)
    {
        try
        {
            if (timer.Period != period)
            {
                timer.Period = period;
            }

            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
