using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Hosting;
using EfficiencyDashboard.Web.Runs;
using EfficiencyDashboard.Web.Storage;
using EfficiencyDashboard.Web.Suites;
using EfficiencyDashboard.Web.Variants;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Workers;

/// <summary>
/// Leases on the other work a worker holds (variant builds and suite planning; runs have theirs in
/// <see cref="RunLifecycle"/>), and what becomes of that work when its worker stops holding it: a variant build ends
/// with the cause and leaves no file behind; suite planning starts again (it skips what it already queued), or fails
/// with the reason when it died twice.
/// </summary>
public sealed class WorkLeases(
    IDbContextFactory<EfficiencyContext> dbFactory,
    IBackgroundJobClient jobs,
    DataDirectory data,
    IOptions<RunnerOptions> options,
    TimeProvider clock,
    ILogger<WorkLeases> logger)
{
    /// <summary>Suite planning that died this many times fails instead of starting again.</summary>
    public const int MaxPlanningAttempts = 2;

    private int _heldHere;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Variant builds and suite plannings this process holds a lease on now; the heartbeat renews nothing while there are none.</summary>
    public int HeldHere => Volatile.Read(ref _heldHere);

    /// <summary>Marks a lease this process just took; disposing marks it given back.</summary>
    public IDisposable Hold()
    {
        Interlocked.Increment(ref _heldHere);
        return new Held(this);
    }

    public async Task RenewAsync(string owner, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var until = Now + options.Value.LeaseDuration;
        await db.VariantJobs.Where(j => j.LeaseOwner == owner && j.Status == RunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAtUtc, until), cancellationToken);
        await db.SuiteRuns.Where(s => s.LeaseOwner == owner && s.Status == RunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseExpiresAtUtc, until), cancellationToken);
    }

    /// <summary><paramref name="owner"/> died of <paramref name="cause"/>.</summary>
    public async Task WorkerDiedAsync(string owner, string cause)
    {
        var text = ProcessExit.Sentence(cause);
        await EndVariantJobsAsync(j => j.LeaseOwner == owner, RunStatus.Failed, $"{text} while the variant was being made; request it again.");
        await ResumeSuitesAsync(s => s.LeaseOwner == owner, $"{text} while the suite was being planned", countsAsAttempt: true);
    }

    /// <summary>The host stopped <paramref name="owner"/>.</summary>
    public async Task WorkerStoppedAsync(string owner)
    {
        await EndVariantJobsAsync(j => j.LeaseOwner == owner, RunStatus.Interrupted, "The worker shut down while the variant was being made; request it again.");
        await ResumeSuitesAsync(s => s.LeaseOwner == owner, "the worker shut down while the suite was being planned", countsAsAttempt: false);
    }

    /// <summary>Takes back variant builds and suite planning whose lease lapsed.</summary>
    public async Task ExpireAsync()
    {
        var now = Now;
        await EndVariantJobsAsync(j => j.LeaseExpiresAtUtc == null || j.LeaseExpiresAtUtc < now, RunStatus.Failed,
            "The worker making the variant stopped renewing its lease (it died or lost the database); request it again.");
        await ResumeSuitesAsync(s => s.LeaseExpiresAtUtc == null || s.LeaseExpiresAtUtc < now,
            "the worker planning the suite stopped renewing its lease", countsAsAttempt: true);
    }

    private async Task EndVariantJobsAsync(System.Linq.Expressions.Expression<Func<VariantJob, bool>> which, RunStatus status, string error)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var held = await db.VariantJobs.AsNoTracking().Where(j => j.Status == RunStatus.Running).Where(which).ToListAsync();
        foreach (var job in held)
        {
            var now = Now;
            var ended = await db.VariantJobs.Where(j => j.Id == job.Id && j.Status == RunStatus.Running && j.LeaseOwner == job.LeaseOwner)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, status)
                    .SetProperty(j => j.Phase, (string?)null)
                    .SetProperty(j => j.Error, error)
                    .SetProperty(j => j.LeaseOwner, (string?)null)
                    .SetProperty(j => j.LeaseExpiresAtUtc, (DateTime?)null)
                    .SetProperty(j => j.FinishedAtUtc, now)
                    .SetProperty(j => j.UpdatedAtUtc, now));
            if (ended == 1)
            {
                logger.LogWarning("Variant job {JobId} ended: {Error}", job.Id, error);
                var file = VariantBuildJob.FileOf(job);
                if (!await db.Models.AnyAsync(m => m.FilePath == file))
                {
                    File.Delete(data.PathOf(file));
                }
            }
        }
    }

    private async Task ResumeSuitesAsync(System.Linq.Expressions.Expression<Func<Core.Suites.SuiteRun, bool>> which, string cause, bool countsAsAttempt)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        // Planning holds a lease; a suite whose runs are all queued holds none and is left alone.
        var held = await db.SuiteRuns.AsNoTracking().Where(s => s.Status == RunStatus.Running && s.LeaseOwner != null).Where(which).ToListAsync();
        foreach (var suite in held)
        {
            var now = Now;
            var giveUp = countsAsAttempt && suite.PlanningAttempts >= MaxPlanningAttempts;
            var ended = await db.SuiteRuns.Where(s => s.Id == suite.Id && s.Status == RunStatus.Running && s.LeaseOwner == suite.LeaseOwner)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, giveUp ? RunStatus.Failed : RunStatus.Queued)
                    .SetProperty(r => r.Phase, giveUp ? null : $"queued again: {cause}")
                    .SetProperty(r => r.Error, giveUp ? $"{ProcessExit.Sentence(cause)}, {suite.PlanningAttempts} times; the suite is not planned again." : null)
                    .SetProperty(r => r.PlanningAttempts, r => countsAsAttempt ? r.PlanningAttempts : r.PlanningAttempts - 1)
                    .SetProperty(r => r.LeaseOwner, (string?)null)
                    .SetProperty(r => r.LeaseExpiresAtUtc, (DateTime?)null)
                    .SetProperty(r => r.FinishedAtUtc, giveUp ? now : null));
            if (ended == 1 && !giveUp)
            {
                var jobId = jobs.Enqueue<SuiteJob>(SuiteQueue.Queue, job => job.ExecuteAsync(suite.Id, JobCancellationToken.Null));
                await db.SuiteRuns.Where(s => s.Id == suite.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.JobId, jobId));
                logger.LogWarning("Suite start {SuiteRunId} is planned again: {Cause}", suite.Id, cause);
            }
        }
    }

    private sealed class Held(WorkLeases leases) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Interlocked.Decrement(ref leases._heldHere);
            }
        }
    }
}
