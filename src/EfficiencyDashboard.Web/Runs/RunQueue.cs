using EfficiencyDashboard.Core.Audit;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Limits;
using EfficiencyDashboard.Web.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>Validates run requests, stores them as queued runs and hands them to the device's job queue; cancels them.</summary>
public sealed class RunQueue(
    IDbContextFactory<EfficiencyContext> dbFactory, IOptions<RunDefaults> defaults, RunLifecycle lifecycle, IOptions<LimitsOptions> limits, TimeProvider clock)
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

        run.SuiteRunId = suiteRunId;
        run.CreatedBy = createdBy ?? (suiteRunId is { } suite
            ? await db.SuiteRuns.Where(s => s.Id == suite).Select(s => s.CreatedBy).FirstOrDefaultAsync(cancellationToken)
            : null);
        await lifecycle.AddAsync(db, run, cancellationToken);
        return (run, errors);
    }

    /// <summary>Puts a stored queued run on its device's job queue.</summary>
    public Task ScheduleAsync(EfficiencyContext db, Run run, CancellationToken cancellationToken) => lifecycle.ScheduleAsync(db, run, cancellationToken);

    /// <summary>Cancels a queued run at once, or asks a running one to stop. Returns the run's status afterwards, or null if there is no such run.</summary>
    /// <remarks>Engineers cancel their own runs, admins anyone's.</remarks>
    public async Task<RunStatus?> CancelAsync(long runId, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var before = await db.Runs.Where(r => r.Id == runId).Select(r => new { r.CreatedBy, r.Status }).FirstOrDefaultAsync(cancellationToken);
        if (before is null)
        {
            return null;
        }

        if (!actor.CanCancel(before.CreatedBy))
        {
            throw actor.Can(Permission.CancelOwnRuns)
                ? actor.Refuse($"Cancelling a run of {before.CreatedBy ?? "no recorded user"}", [Core.Users.Roles.Admin])
                : actor.Refuse("Cancelling runs", RolePermissions.RolesAllowing(Permission.CancelOwnRuns));
        }

        var after = await lifecycle.CancelAsync(runId, cancellationToken);
        if (before.Status is RunStatus.Queued or RunStatus.Running && after is RunStatus.Cancelled or RunStatus.Running)
        {
            var detail = after == RunStatus.Cancelled ? "cancelled while queued" : "asked to stop while running";
            db.AuditEvents.Add(actor.Audit(AuditAction.RunCancelled, AuditSubject.Run, runId, clock.GetUtcNow().UtcDateTime, detail));
            await db.SaveChangesAsync(cancellationToken);
        }

        return after;
    }
}
