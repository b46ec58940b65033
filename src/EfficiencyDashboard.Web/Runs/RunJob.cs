using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Web.Errors;
using EfficiencyDashboard.Web.Hardware;
using EfficiencyDashboard.Web.Models;
using EfficiencyDashboard.Web.Storage;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>The job that executes one queued run on its device and stores what it measured.</summary>
public sealed class RunJob(
    IDbContextFactory<EfficiencyContext> dbFactory,
    InferenceBenchmark benchmark,
    DataDirectory data,
    RunNotifier notifier,
    RunCancellations cancellations,
    RunRecovery recovery,
    HardwareRegistry hardware,
    ModelInputs inputs,
    IOptions<RunnerOptions> options,
    TimeProvider clock,
    ILogger<RunJob> logger)
{
    // Failures are deterministic (bad model, provider missing); a crash is recovered from the runs table instead.
    [AutomaticRetry(Attempts = 0)]
    public async Task ExecuteAsync(long runId, IJobCancellationToken jobCancellation)
    {
        var run = await ClaimAsync(runId);
        if (run is null)
        {
            return;
        }

        notifier.Publish(new RunUpdate(runId, RunStatus.Running, "loading", 0, 0, null, 0));
        using var cancellation = cancellations.Register(runId, jobCancellation.ShutdownToken);
        try
        {
            var realInputs = inputs.For(run.Model!, run.BatchSize, run.InputShapes);
            var settings = BenchmarkSettings.From(run, options.Value.IntraOpThreads) with
            {
                Scenario = run.Scenario switch
                {
                    Scenario.Offline => LoadScenario.Offline,
                    Scenario.Server => LoadScenario.Server,
                    _ => LoadScenario.SingleStream,
                },
                Inputs = realInputs,
                TargetQps = run.TargetQps ?? 0,
                LatencyBoundMs = run.LatencyBoundMs ?? 0,
            };
            var measurement = benchmark.Measure(
                data.PathOf(run.Model!.FilePath), settings, new RunProgressReporter(runId, notifier), cancellation.Token);
            await StoreResultAsync(run, measurement, realInputs is null ? "seeded generated values" : ModelInputs.Describe(run.Model!));
            await FinishAsync(runId, RunStatus.Succeeded, null);
        }
        catch (OperationCanceledException)
        {
            await StopAsync(runId);
        }
        catch (RunnerException ex)
        {
            await FinishAsync(runId, RunStatus.Failed, UserMessages.Scrub(ex.Message));
        }
        catch (Exception ex)
        {
            await FinishAsync(runId, RunStatus.Failed, UserMessages.Unexpected(logger, ex, $"Run {runId} failed"));
        }
        finally
        {
            cancellations.Unregister(runId);
        }
    }

    /// <summary>Moves the run from queued to running unless it was cancelled or already taken.</summary>
    private async Task<Run?> ClaimAsync(long runId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var device = await db.Runs.Where(r => r.Id == runId).Select(r => r.Device).FirstOrDefaultAsync();
        var worker = RunRecovery.WorkerName(device ?? "");
        var claimed = await db.Runs
            .Where(r => r.Id == runId && r.Status == RunStatus.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatus.Running)
                .SetProperty(r => r.StartedAtUtc, now)
                .SetProperty(r => r.ExecutedBy, worker)
                .SetProperty(r => r.HardwareId, hardware.CurrentId));
        return claimed == 0 ? null : await db.Runs.AsNoTracking().Include(r => r.Model).FirstAsync(r => r.Id == runId);
    }

    private async Task StoreResultAsync(Run run, BenchmarkMeasurement measurement, string inputsUsed)
    {
        var latency = measurement.Histogram;
        var validity = measurement.JudgeValidity(run.StrictValidity ? ValiditySettings.Strict : ValiditySettings.Default);
        var machine = MachineDescription.Current;
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.RunResults.Add(new RunResult
        {
            RunId = run.Id,
            LatencyP50Ms = latency.P50Ms,
            LatencyP90Ms = latency.P90Ms,
            LatencyP95Ms = latency.P95Ms,
            LatencyP99Ms = latency.P99Ms,
            LatencyP999Ms = latency.P999Ms,
            LatencyMeanMs = latency.MeanMs,
            LatencyStdDevMs = latency.StdDevMs,
            LatencyCv = latency.CoefficientOfVariation,
            LatencyMinMs = latency.MinMs,
            LatencyMaxMs = latency.MaxMs,
            Histogram = latency.ToBytes(),
            QueryCount = measurement.QueryCount,
            SampleCount = measurement.SampleCount,
            WarmupQueriesCompleted = measurement.WarmupQueriesCompleted,
            Inputs = inputsUsed,
            MeasuredSeconds = measurement.MeasuredSeconds,
            ThroughputPerSecond = measurement.ThroughputPerSecond,
            HeadlinePercentile = measurement.HeadlinePercentile?.ToString().ToLowerInvariant(),
            IsValid = validity.IsValid,
            ValidityReasons = [.. validity.Reasons],
            EnergyPerInferenceJ = measurement.Energy.EnergyPerInferenceJ,
            TotalEnergyJ = measurement.Energy.TotalEnergyJ,
            EnergySource = measurement.Energy.Source,
            EnergyReason = measurement.Energy.Reason,
            Gpu = measurement.Gpu.SampleCount > 0 ? measurement.Gpu : null,
            MeanGpuPowerW = measurement.Gpu.MeanPowerW,
            PeakGpuMemoryBytes = measurement.Gpu.PeakMemoryUsedBytes,
            MeanGpuUtilizationPercent = measurement.Gpu.MeanUtilizationPercent,
            ProcessPeakRssBytes = measurement.Process?.PeakRssBytes ?? measurement.Process?.ProcessPeakRssBytes,
            ProcessCpuUtilization = measurement.Process?.CpuUtilization,
            NodePlacement = measurement.NodePlacement,
            Server = measurement.Server,
            ActualExecutionProvider = measurement.ActualExecutionProvider,
            FallbackReason = measurement.FallbackReason,
            OnnxRuntimeVersion = measurement.OnnxRuntimeVersion,
            IntraOpThreads = measurement.IntraOpThreads,
            MachineName = machine.MachineName,
            CpuModel = machine.CpuModel,
            LogicalCores = machine.LogicalCores,
            OperatingSystem = machine.OperatingSystem,
            RuntimeVersion = machine.RuntimeVersion,
            MeasuredAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
        await LatencySampleWriter.InsertAsync(db, run.Id, measurement.LatenciesMs, measurement.StartOffsetsMs, CancellationToken.None);
        await transaction.CommitAsync();
    }

    /// <summary>A stop is either the user's cancel or the host shutting down; the second requeues the run.</summary>
    private async Task StopAsync(long runId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var cancelRequested = await db.Runs.Where(r => r.Id == runId).Select(r => r.CancelRequested).FirstAsync();
        if (cancelRequested)
        {
            await FinishAsync(runId, RunStatus.Cancelled, null);
        }
        else
        {
            await recovery.InterruptAsync(runId, "The server shut down while the run executed.", CancellationToken.None);
        }
    }

    private async Task FinishAsync(long runId, RunStatus status, string? error)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Runs
            .Where(r => r.Id == runId && r.Status == RunStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, status)
                .SetProperty(r => r.Error, error)
                .SetProperty(r => r.Progress, r => status == RunStatus.Succeeded ? 1 : r.Progress)
                .SetProperty(r => r.FinishedAtUtc, now));
        notifier.Publish(new RunUpdate(runId, status, status.ApiName(), status == RunStatus.Succeeded ? 1 : 0, 0, null, 0));
    }
}
