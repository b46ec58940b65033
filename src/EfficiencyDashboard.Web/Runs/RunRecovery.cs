using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Reports.Aggregates;
using EfficiencyDashboard.Core.Runs;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>
/// Repairs the queue from the runs table, the source of truth: at start-up a run this host left running is
/// marked interrupted and queued again, and a queued run whose job was lost is put back on its queue.
/// </summary>
public sealed class RunRecovery(
    IDbContextFactory<EfficiencyContext> dbFactory,
    RunQueue queue,
    IBackgroundJobClient jobs,
    JobStorage jobStorage,
    RunNotifier notifier,
    TimeProvider clock,
    ILogger<RunRecovery> logger)
{
    /// <summary>The name a worker of this host records on the runs it claims.</summary>
    public static string WorkerName(string device) => $"{Environment.MachineName}/{device}";

    public async Task RecoverAsync(IEnumerable<string> devices, CancellationToken cancellationToken)
    {
        var workers = devices.Select(WorkerName).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var orphans = await db.Runs
            .Where(r => r.Status == RunStatus.Running && (r.ExecutedBy == null || workers.Contains(r.ExecutedBy)))
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        foreach (var runId in orphans)
        {
            await InterruptAsync(runId, "The process stopped while the run executed (crash or kill).", cancellationToken);
        }

        var queued = await db.Runs.Where(r => r.Status == RunStatus.Queued).ToListAsync(cancellationToken);
        foreach (var run in queued.Where(r => !IsWaitingOnQueue(r.JobId)))
        {
            logger.LogWarning("Queued run {RunId} had no live job; queueing it again", run.Id);
            DeleteJob(run.JobId);
            await queue.ScheduleAsync(db, run, cancellationToken);
        }
    }

    /// <summary>Marks a running run interrupted and queues a new run with the same configuration.</summary>
    public async Task InterruptAsync(long runId, string reason, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var interrupted = await db.Runs
            .Where(r => r.Id == runId && r.Status == RunStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatus.Interrupted)
                .SetProperty(r => r.Error, reason)
                .SetProperty(r => r.FinishedAtUtc, now), cancellationToken);
        if (interrupted == 0)
        {
            return;
        }

        await SettingAggregates.RefreshAsync(db, runId, cancellationToken);
        var old = await db.Runs.AsNoTracking().FirstAsync(r => r.Id == runId, cancellationToken);
        DeleteJob(old.JobId);
        notifier.Publish(new RunUpdate(runId, RunStatus.Interrupted, "interrupted", old.Progress, 0, null, 0));
        var retry = new Run
        {
            ModelId = old.ModelId,
            ExecutionProvider = old.ExecutionProvider,
            Scenario = old.Scenario,
            BatchSize = old.BatchSize,
            DurationSeconds = old.DurationSeconds,
            MinQueries = old.MinQueries,
            WarmupQueries = old.WarmupQueries,
            AllowCpuFallback = old.AllowCpuFallback,
            InputShapes = old.InputShapes,
            Device = old.Device,
            Status = RunStatus.Queued,
            RequeuedFromRunId = old.Id,
            CreatedAtUtc = now,
        };
        db.Runs.Add(retry);
        await db.SaveChangesAsync(cancellationToken);
        await queue.ScheduleAsync(db, retry, cancellationToken);
        logger.LogWarning("Run {RunId} was interrupted ({Reason}); queued again as run {RetryId}", runId, reason, retry.Id);
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

    private void DeleteJob(string? jobId)
    {
        if (jobId is not null)
        {
            jobs.Delete(jobId);
        }
    }
}
