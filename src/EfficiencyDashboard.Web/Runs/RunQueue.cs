using EfficiencyDashboard.Core.Audit;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Limits;
using EfficiencyDashboard.Web.Users;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>Validates run requests, stores them as queued runs and hands them to the device's job queue; cancels them.</summary>
public sealed class RunQueue(
    IDbContextFactory<EfficiencyContext> dbFactory,
    IBackgroundJobClient jobs,
    IOptions<RunDefaults> defaults,
    RunNotifier notifier,
    RunCancellations cancellations,
    IOptions<LimitsOptions> limits,
    TimeProvider clock)
{
    /// <summary>Checks the actor may start runs and has room in their queue, then validates, stores and queues the run.</summary>
    public async Task<(Run? Run, Dictionary<string, string[]> Errors)> EnqueueAsync(RunRequest request, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Permission.StartRuns, "Starting runs");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var queued = await db.Runs.CountAsync(r => r.CreatedBy == actor.Name && r.Status == RunStatus.Queued, cancellationToken);
        if (queued >= limits.Value.MaxQueuedRunsPerUser)
        {
            throw new ActionRefusedException(Refusal.QueueFull,
                $"{actor.Name} has {queued} queued runs, the most one user may have (Limits:MaxQueuedRunsPerUser); " +
                "cancel some or wait until they start. Nothing was queued.");
        }

        var (run, errors) = await CreateAsync(request, cancellationToken, createdBy: actor.Name);
        if (run is not null)
        {
            db.AuditEvents.Add(actor.Audit(AuditAction.RunQueued, AuditSubject.Run, run.Id, run.CreatedAtUtc));
            await db.SaveChangesAsync(cancellationToken);
            await ScheduleAsync(db, run, cancellationToken);
        }

        return (run, errors);
    }

    /// <summary>Validates and stores a queued run without handing it to a job queue (the headless mode executes it itself).</summary>
    /// <param name="createdBy">Who asked; for a suite's run, left out: the suite's starter.</param>
    public async Task<(Run? Run, Dictionary<string, string[]> Errors)> CreateAsync(
        RunRequest request, CancellationToken cancellationToken, long? suiteRunId = null, string? createdBy = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var model = await db.Models.AsNoTracking().FirstOrDefaultAsync(m => m.Id == request.ModelId, cancellationToken);
        var (run, errors) = RunRequestValidator.Validate(request, model, defaults.Value);
        if (run is null)
        {
            return (null, errors);
        }

        run.CreatedAtUtc = clock.GetUtcNow().UtcDateTime;
        run.SuiteRunId = suiteRunId;
        run.CreatedBy = createdBy ?? (suiteRunId is { } suite
            ? await db.SuiteRuns.Where(s => s.Id == suite).Select(s => s.CreatedBy).FirstOrDefaultAsync(cancellationToken)
            : null);
        db.Runs.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return (run, errors);
    }

    /// <summary>Puts a stored queued run on its device's job queue.</summary>
    public async Task ScheduleAsync(EfficiencyContext db, Run run, CancellationToken cancellationToken)
    {
        // The queue overload: a job enqueued through EnqueuedState would be retried on "default", which no worker serves.
        run.JobId = jobs.Enqueue<RunJob>(run.Device, job => job.ExecuteAsync(run.Id, JobCancellationToken.Null));
        await db.Runs.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.JobId, run.JobId), cancellationToken);
        notifier.Publish(new RunUpdate(run.Id, RunStatus.Queued, "queued", 0, 0, null, 0));
    }

    /// <summary>Cancels a queued run at once, or asks a running one to stop. Returns the run's status afterwards, or null if there is no such run.</summary>
    /// <remarks>Engineers cancel their own runs, admins anyone's.</remarks>
    public async Task<RunStatus?> CancelAsync(long runId, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var owner = await db.Runs.Where(r => r.Id == runId).Select(r => new { r.CreatedBy }).FirstOrDefaultAsync(cancellationToken);
        if (owner is null)
        {
            return null;
        }

        if (!actor.CanCancel(owner.CreatedBy))
        {
            throw actor.Can(Permission.CancelOwnRuns)
                ? actor.Refuse($"Cancelling a run of {owner.CreatedBy ?? "no recorded user"}", [Core.Users.Roles.Admin])
                : actor.Refuse("Cancelling runs", RolePermissions.RolesAllowing(Permission.CancelOwnRuns));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var dequeued = await db.Runs
            .Where(r => r.Id == runId && r.Status == RunStatus.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatus.Cancelled)
                .SetProperty(r => r.CancelRequested, true)
                .SetProperty(r => r.FinishedAtUtc, now), cancellationToken);
        var stopping = dequeued == 0 && await db.Runs
            .Where(r => r.Id == runId && r.Status == RunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CancelRequested, true), cancellationToken) == 1;

        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
        {
            return null;
        }

        if (dequeued == 1 || stopping)
        {
            // In this process the token fires at once; on another worker host deleting the job fires its cancellation token.
            cancellations.TryCancel(runId);
            if (run.JobId is not null)
            {
                jobs.Delete(run.JobId);
            }

            db.AuditEvents.Add(actor.Audit(AuditAction.RunCancelled, AuditSubject.Run, runId, now, dequeued == 1 ? "cancelled while queued" : "asked to stop while running"));
            await db.SaveChangesAsync(cancellationToken);
        }

        if (dequeued == 1)
        {
            notifier.Publish(new RunUpdate(runId, RunStatus.Cancelled, "cancelled", 0, 0, null, 0));
        }

        return run.Status;
    }
}
