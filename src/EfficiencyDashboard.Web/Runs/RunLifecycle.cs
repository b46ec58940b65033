using System.Linq.Expressions;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Reports.Aggregates;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Hosting;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>
/// Everything that can happen to a run, in one place: queued, claimed by a worker (running, with a lease), progress,
/// succeeded, failed, cancelled, interrupted and queued again (a stopping host, a dead worker, a lapsed lease), or
/// failed as poison after <see cref="MaxAttempts"/> attempts. Each change is a conditional update of the runs table (so
/// two processes can never both make it) and is published to this process's pages; the web publishes what workers
/// change by polling the table.
/// </summary>
public sealed class RunLifecycle(
    IDbContextFactory<EfficiencyContext> dbFactory,
    IBackgroundJobClient jobs,
    RunNotifier notifier,
    IOptions<RunnerOptions> options,
    TimeProvider clock,
    ILogger<RunLifecycle> logger)
{
    /// <summary>A configuration whose worker died this many times is not queued again.</summary>
    public const int MaxAttempts = 2;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Stores a validated run as queued, without a job yet.</summary>
    public async Task AddAsync(EfficiencyContext db, Run run, CancellationToken cancellationToken)
    {
        run.Status = RunStatus.Queued;
        run.Phase = RunPhase.Queued;
        run.CreatedAtUtc = Now;
        run.UpdatedAtUtc = run.CreatedAtUtc;
        db.Runs.Add(run);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Puts a stored queued run on its device's job queue.</summary>
    public async Task ScheduleAsync(EfficiencyContext db, Run run, CancellationToken cancellationToken)
    {
        // The queue overload: a job enqueued through EnqueuedState would be retried on "default", which no worker serves.
        run.JobId = jobs.Enqueue<RunJob>(run.Device, job => job.ExecuteAsync(run.Id, JobCancellationToken.Null));
        await db.Runs.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.JobId, run.JobId), cancellationToken);
        notifier.Publish(RunUpdate.Of(run));
    }

    /// <summary>Queued to running, with a lease held by <paramref name="owner"/>; null when the run was cancelled or taken.</summary>
    public async Task<Run?> ClaimAsync(long runId, string owner, int? hardwareId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = Now;
        var leaseUntil = now + options.Value.LeaseDuration;
        var claimed = await db.Runs
            .Where(r => r.Id == runId && r.Status == RunStatus.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatus.Running)
                .SetProperty(r => r.Phase, RunPhase.Loading)
                .SetProperty(r => r.StartedAtUtc, now)
                .SetProperty(r => r.ExecutedBy, owner)
                .SetProperty(r => r.LeaseOwner, owner)
                .SetProperty(r => r.LeaseExpiresAtUtc, leaseUntil)
                .SetProperty(r => r.HardwareId, hardwareId)
                .SetProperty(r => r.UpdatedAtUtc, now));
        if (claimed == 0)
        {
            return null;
        }

        var run = await db.Runs.AsNoTracking().Include(r => r.Model).FirstAsync(r => r.Id == runId);
        notifier.Publish(RunUpdate.Of(run));
        return run;
    }

    /// <summary>Writes a running run's phase and progress, if <paramref name="owner"/> still holds it.</summary>
    public async Task ReportAsync(long runId, string owner, ProgressSnapshot progress, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var written = await db.Runs.Where(r => r.Id == runId).Where(HeldBy(owner))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Phase, progress.Phase)
                .SetProperty(r => r.PhaseDetail, progress.PhaseDetail)
                .SetProperty(r => r.Progress, progress.Fraction)
                .SetProperty(r => r.ElapsedSeconds, progress.ElapsedSeconds)
                .SetProperty(r => r.EtaSeconds, progress.EtaSeconds)
                .SetProperty(r => r.QueriesCompleted, progress.QueriesCompleted)
                .SetProperty(r => r.UpdatedAtUtc, Now), cancellationToken);
        if (written == 1)
        {
            notifier.Publish(new RunUpdate(runId, RunStatus.Running, progress.Phase, progress.PhaseDetail, progress.Fraction,
                progress.ElapsedSeconds, progress.EtaSeconds, progress.QueriesCompleted));
        }
    }

    /// <summary>
    /// Extends the lease of every run <paramref name="owner"/> holds; returns those runs, with whether a cancel was
    /// requested. A run missing from the answer is no longer held (its lease lapsed and another process took it back).
    /// </summary>
    public async Task<IReadOnlyDictionary<long, bool>> RenewLeasesAsync(string owner, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var leaseUntil = Now + options.Value.LeaseDuration;
        // Renewing does not touch UpdatedAtUtc: the web polls for changes pages show, and a lease is not one.
        await db.Runs.Where(HeldBy(owner)).ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseExpiresAtUtc, leaseUntil), cancellationToken);
        return await db.Runs.Where(HeldBy(owner)).ToDictionaryAsync(r => r.Id, r => r.CancelRequested, cancellationToken);
    }

    /// <summary>Stores the result and marks the run succeeded in one transaction, if <paramref name="owner"/> still holds it.</summary>
    public async Task SucceedAsync(long runId, string owner, MeasuredRun measured)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var mine = db.Runs.Where(r => r.Id == runId).Where(HeldBy(owner));
        // Recorded first, so a worker that dies while storing says so.
        await mine.ExecuteUpdateAsync(s => s.SetProperty(r => r.Phase, RunPhase.Storing).SetProperty(r => r.UpdatedAtUtc, Now));
        await using var transaction = await db.Database.BeginTransactionAsync();
        measured.Result.RunId = runId;
        db.RunResults.Add(measured.Result);
        await db.SaveChangesAsync();
        // The reports' per-setting aggregates change with the result, in its transaction.
        var run = await db.Runs.AsNoTracking().FirstAsync(r => r.Id == runId);
        await SettingAggregates.ApplyAsync(db, run, measured.Result, CancellationToken.None);
        await LatencySampleWriter.InsertAsync(db, runId, measured.LatenciesMs, measured.StartOffsetsMs, CancellationToken.None);
        // Last in the transaction, so the update time the web polls by is close to the commit.
        var now = Now;
        if (await mine.ExecuteUpdateAsync(s => Ended(s.SetProperty(r => r.Progress, 1), RunStatus.Succeeded, null, now)) == 0)
        {
            // Another process took the run back meanwhile (its lease lapsed): the result goes with the transaction.
            logger.LogWarning("Run {RunId} was no longer held by {Owner} when its result was ready; the result is dropped", runId, owner);
            return;
        }

        await transaction.CommitAsync();
        await PublishAsync(runId);
    }

    /// <summary>The run could not be measured (bad model, provider missing); failures are deterministic, so it is not queued again.</summary>
    public Task FailAsync(long runId, string owner, string error) => EndAsync(runId, owner, RunStatus.Failed, error);

    /// <summary>
    /// The measurement stopped early: the user's cancel (the run ends cancelled) or the host stopping (the run is
    /// interrupted and queued again without counting an attempt, since nothing went wrong with it).
    /// </summary>
    public async Task StopAsync(long runId, string owner)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var cancelRequested = await db.Runs.Where(r => r.Id == runId).Select(r => r.CancelRequested).FirstAsync();
        if (cancelRequested)
        {
            await EndAsync(runId, owner, RunStatus.Cancelled, null);
            return;
        }

        await EndAndRepeatAsync(runId, HeldBy(owner), ShutDown, countsAsAttempt: false);
    }

    /// <summary>Cancels a queued run at once, or asks a running one to stop. Returns the run's status afterwards, or null if there is no such run.</summary>
    public async Task<RunStatus?> CancelAsync(long runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now;
        var dequeued = await db.Runs.Where(r => r.Id == runId && r.Status == RunStatus.Queued)
            .ExecuteUpdateAsync(s => Ended(s.SetProperty(r => r.CancelRequested, true), RunStatus.Cancelled, null, now), cancellationToken);
        // The worker holding it reads the request with its next heartbeat and stops the measurement.
        var stopping = dequeued == 0 && await db.Runs
            .Where(r => r.Id == runId && r.Status == RunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CancelRequested, true).SetProperty(r => r.UpdatedAtUtc, now), cancellationToken) == 1;

        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
        {
            return null;
        }

        if (dequeued == 1)
        {
            DeleteJob(run.JobId);
            notifier.Publish(RunUpdate.Of(run));
        }

        return stopping ? RunStatus.Running : run.Status;
    }

    /// <summary>The host stopped <paramref name="owner"/> before it ended its runs itself: they are queued again, no attempt counted.</summary>
    public async Task WorkerStoppedAsync(string owner)
    {
        foreach (var runId in await HeldByAsync(owner))
        {
            await EndAndRepeatAsync(runId, HeldBy(owner), ShutDown, countsAsAttempt: false);
        }
    }

    /// <summary>
    /// <paramref name="owner"/> died (<paramref name="cause"/>, e.g. "the runner process was killed by signal 11 (SIGSEGV)"):
    /// each run it held ends with the cause and is queued again as its next attempt, or fails as poison after the last.
    /// </summary>
    public async Task WorkerDiedAsync(string owner, string cause)
    {
        foreach (var runId in await HeldByAsync(owner))
        {
            await EndAndRepeatAsync(runId, HeldBy(owner), run => $"{ProcessExit.Sentence(cause)} {run.Phase.During()}.", countsAsAttempt: true);
        }
    }

    /// <summary>
    /// Takes back every running run whose lease lapsed: its holder died without anyone seeing it go (another host, a
    /// killed supervisor). Whichever process notices first wins; the others find nothing left to do.
    /// </summary>
    public async Task<int> ExpireLeasesAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lapsed = await db.Runs
            .Where(r => r.Status == RunStatus.Running && (r.LeaseExpiresAtUtc == null || r.LeaseExpiresAtUtc < now))
            .Select(r => r.Id).ToListAsync(cancellationToken);
        var taken = 0;
        foreach (var runId in lapsed)
        {
            var ended = await EndAndRepeatAsync(runId, r => r.Status == RunStatus.Running && (r.LeaseExpiresAtUtc == null || r.LeaseExpiresAtUtc < now),
                run => $"Its worker ({run.LeaseOwner ?? "unknown"}) stopped renewing the run's lease {run.Phase.During()}: the worker died or lost the database.",
                countsAsAttempt: true);
            taken += ended ? 1 : 0;
        }

        return taken;
    }

    /// <summary>Runs <paramref name="owner"/> holds now.</summary>
    public async Task<List<long>> HeldByAsync(string owner)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Runs.Where(HeldBy(owner)).Select(r => r.Id).ToListAsync();
    }

    private async Task EndAsync(long runId, string owner, RunStatus status, string? error)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = Now;
        await db.Runs.Where(r => r.Id == runId).Where(HeldBy(owner)).ExecuteUpdateAsync(s => Ended(s, status, error, now));
        await PublishAsync(runId);
    }

    private static string ShutDown(Run run) => $"The worker shut down (its host was stopping) {run.Phase.During()}.";

    /// <summary>
    /// Ends a running run that still matches <paramref name="stillHeld"/> and, in the same transaction, queues its
    /// repeat (the next attempt when <paramref name="countsAsAttempt"/>), or fails it as poison after the last attempt.
    /// Returns false when another process ended it first.
    /// </summary>
    private async Task<bool> EndAndRepeatAsync(long runId, Expression<Func<Run, bool>> stillHeld, Func<Run, string> reason, bool countsAsAttempt)
    {
        var now = Now;
        Run? retry = null;
        Run old;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var found = await db.Runs.AsNoTracking().Where(r => r.Id == runId).Where(stillHeld).FirstOrDefaultAsync();
            if (found is null)
            {
                return false;
            }

            old = found;
            var attempt = countsAsAttempt ? old.Attempt + 1 : old.Attempt;
            var poison = attempt > MaxAttempts;
            var error = reason(old) + (poison
                ? $" This was attempt {old.Attempt} of {MaxAttempts}, so the run is not queued again."
                : countsAsAttempt ? $" Queued again (attempt {attempt} of {MaxAttempts})." : " Queued again; this does not count as an attempt.");
            var ended = await db.Runs.Where(r => r.Id == runId).Where(stillHeld)
                .ExecuteUpdateAsync(s => Ended(s, poison ? RunStatus.Failed : RunStatus.Interrupted, error, now));
            if (ended == 0)
            {
                return false;
            }

            if (!poison)
            {
                retry = Run.RepeatFor(old, attempt, now);
                db.Runs.Add(retry);
                await db.SaveChangesAsync();
            }

            await transaction.CommitAsync();
            logger.LogWarning("Run {RunId} ended: {Error}", runId, error);
        }

        // After the commit: a process that dies here leaves the retry queued without a job, which a worker's start repairs.
        DeleteJob(old.JobId);
        await PublishAsync(runId);
        if (retry is not null)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await ScheduleAsync(db, retry, CancellationToken.None);
        }

        return true;
    }

    /// <summary>The run holds no lease any more and ends now, as <paramref name="status"/>.</summary>
    private static void Ended(UpdateSettersBuilder<Run> set, RunStatus status, string? error, DateTime now) => set
        .SetProperty(r => r.Status, status)
        .SetProperty(r => r.Error, error)
        .SetProperty(r => r.EtaSeconds, (double?)null)
        .SetProperty(r => r.LeaseOwner, (string?)null)
        .SetProperty(r => r.LeaseExpiresAtUtc, (DateTime?)null)
        .SetProperty(r => r.FinishedAtUtc, now)
        .SetProperty(r => r.UpdatedAtUtc, now);

    /// <summary>A running run <paramref name="owner"/> holds.</summary>
    private static Expression<Func<Run, bool>> HeldBy(string owner) => r => r.Status == RunStatus.Running && r.LeaseOwner == owner;

    private async Task PublishAsync(long runId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId) is { } run)
        {
            notifier.Publish(RunUpdate.Of(run));
        }
    }

    private void DeleteJob(string? jobId)
    {
        if (jobId is not null)
        {
            jobs.Delete(jobId);
        }
    }
}
