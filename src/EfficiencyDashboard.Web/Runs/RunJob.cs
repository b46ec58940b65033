using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Web.Errors;
using EfficiencyDashboard.Web.Hardware;
using EfficiencyDashboard.Web.Workers;
using Hangfire;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>The job that executes one queued run on its device, in a worker; its status changes are the lifecycle's.</summary>
public sealed class RunJob(
    RunLifecycle lifecycle, RunMeasurement measurement, ExecutingRuns executing, WorkerIdentity worker, HardwareRegistry hardware, ILogger<RunJob> logger)
{
    // Failures are deterministic (bad model, provider missing); a dead worker's run is queued again by its lease instead.
    [AutomaticRetry(Attempts = 0)]
    public async Task ExecuteAsync(long runId, IJobCancellationToken jobCancellation)
    {
        var run = await lifecycle.ClaimAsync(runId, worker.Id, hardware.CurrentId);
        if (run is null)
        {
            return;
        }

        using var execution = executing.Start(runId, jobCancellation.ShutdownToken);
        try
        {
            await lifecycle.SucceedAsync(runId, worker.Id, await measurement.MeasureAsync(run, execution));
        }
        catch (OperationCanceledException)
        {
            await lifecycle.StopAsync(runId, worker.Id);
        }
        catch (RunnerException ex)
        {
            await lifecycle.FailAsync(runId, worker.Id, UserMessages.Scrub(ex.Message));
        }
        catch (Exception ex)
        {
            await lifecycle.FailAsync(runId, worker.Id, UserMessages.Unexpected(logger, ex, $"Run {runId} failed"));
        }
    }
}
