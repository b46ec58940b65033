using System.Diagnostics;
using EfficiencyDashboard.Web.Runs;
using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Workers;

/// <summary>
/// The worker's heartbeat, on its own thread: writes each executing run's progress when it changed (at most every
/// <see cref="RunnerOptions.ProgressInterval"/>), and every <see cref="RunnerOptions.HeartbeatInterval"/> renews the
/// leases this worker holds and stops runs whose cancel was requested or whose lease it lost.
/// </summary>
public sealed class WorkerHeartbeat(
    RunLifecycle lifecycle,
    WorkLeases leases,
    ExecutingRuns executing,
    WorkerIdentity worker,
    IOptions<RunnerOptions> options,
    ILogger<WorkerHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ProgressInterval);
        var sinceRenewal = Stopwatch.StartNew();
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                foreach (var run in executing.All)
                {
                    if (run.TryTakeChange(out var progress))
                    {
                        await lifecycle.ReportAsync(run.RunId, worker.Id, progress, stoppingToken);
                    }
                }

                // An idle worker holds no lease: nothing to renew, and no load on the database.
                if (sinceRenewal.Elapsed >= options.Value.HeartbeatInterval && (executing.All.Any() || leases.HeldHere > 0))
                {
                    sinceRenewal.Restart();
                    await RenewAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A busy database must not stop the heartbeat: the next beat tries again, well within the lease.
                logger.LogWarning(ex, "Heartbeat of worker {WorkerId} failed", worker.Id);
            }
        }
    }

    /// <summary>
    /// Runs after the job servers stopped (hosted services stop in reverse order): whatever this worker still holds is
    /// handed back as a graceful stop, queued again without counting an attempt.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await lifecycle.WorkerStoppedAsync(worker.Id);
        await leases.WorkerStoppedAsync(worker.Id);
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        var asOf = Stopwatch.GetTimestamp();
        var held = await lifecycle.RenewLeasesAsync(worker.Id, cancellationToken);
        // A run claimed while the leases were being read is not in the answer yet, but is held.
        foreach (var run in executing.All.Where(r => r.RegisteredAt < asOf))
        {
            if (!held.TryGetValue(run.RunId, out var cancelRequested) || cancelRequested)
            {
                run.Stop();
            }
        }

        await leases.RenewAsync(worker.Id, cancellationToken);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
