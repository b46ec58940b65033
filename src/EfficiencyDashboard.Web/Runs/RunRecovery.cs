using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Reports.Aggregates;
using EfficiencyDashboard.Core.Runs;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>
/// Repairs the job queue from the runs table, the source of truth, when a worker starts: a queued run whose job was
/// lost (a process died between storing the run and enqueueing it) is put back on its queue. Running runs are not
/// touched here: their leases say whether their worker is alive (<see cref="RunLifecycle.ExpireLeasesAsync"/>).
/// </summary>
public sealed class RunRecovery(
    IDbContextFactory<EfficiencyContext> dbFactory,
    RunLifecycle lifecycle,
    IBackgroundJobClient jobs,
    JobStorage jobStorage,
    ILogger<RunRecovery> logger)
{
    public async Task RequeueLostJobsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var queued = await db.Runs.Where(r => r.Status == RunStatus.Queued).ToListAsync(cancellationToken);
        foreach (var run in queued.Where(r => !IsWaitingOnQueue(r.JobId)))
        {
            logger.LogWarning("Queued run {RunId} had no live job; queueing it again", run.Id);
            if (run.JobId is not null)
            {
                jobs.Delete(run.JobId);
            }

            await lifecycle.ScheduleAsync(db, run, cancellationToken);
        }
    }

    private bool IsWaitingOnQueue(string? jobId)
    {
        if (jobId is null)
        {
            return false;
        }

        using var connection = jobStorage.GetConnection();
        return connection.GetStateData(jobId)?.Name == EnqueuedState.StateName;
    }
}
