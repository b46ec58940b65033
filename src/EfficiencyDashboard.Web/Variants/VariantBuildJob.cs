using System.Globalization;
using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Errors;
using EfficiencyDashboard.Web.Models;
using EfficiencyDashboard.Web.Runs;
using EfficiencyDashboard.Web.Sandbox;
using EfficiencyDashboard.Web.Storage;
using EfficiencyDashboard.Web.Workers;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Variants;

/// <summary>
/// Derives a variant in a worker: applies the technique to the parent graph, analyses the result, and measures its
/// fidelity to the parent on the same real inputs (calibration uses other samples than the comparison), then adds it to
/// the catalog. The ONNX work runs in a sandbox process with a memory and a time limit, on the runner's cores only
/// when no CPU run measures there; the job holds a lease while it builds.
/// </summary>
public sealed class VariantBuildJob(
    IDbContextFactory<EfficiencyContext> dbFactory,
    DataDirectory data,
    ModelInputs inputs,
    SandboxProcess sandbox,
    RunnerCores cores,
    WorkerIdentity worker,
    WorkLeases leases,
    VariantNotifier notifier,
    IOptions<RunnerOptions> options,
    TimeProvider clock,
    ILogger<VariantBuildJob> logger)
{
    /// <summary>Where a job's variant file goes, relative to the data directory.</summary>
    public static string FileOf(VariantJob job) => Path.Combine("models", "variants", $"{job.ParentId}-{job.Technique.ApiName()}-{job.Id}.onnx");

    [AutomaticRetry(Attempts = 0)]
    public async Task ExecuteAsync(long jobId, IJobCancellationToken cancellation)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var job = await ClaimAsync(db, jobId);
        if (job is null)
        {
            return;
        }

        using var held = leases.Hold();

        var parent = await db.Models.AsNoTracking().FirstAsync(m => m.Id == job.ParentId);
        var relative = FileOf(job);
        try
        {
            await SetPhaseAsync(db, job, "waiting for the runner's cores");
            using var turn = await cores.BuildAsync($"the variant build: {job.Technique.ApiName()} of {parent.Name}", cancellation.ShutdownToken);
            var request = new VariantBuildRequest(
                data.PathOf(parent.FilePath), job.Technique.ApiName(), job.Parameters, inputs.CalibrationOptions(parent), parent.FixedBatchSize ?? 4,
                data.PathOf(relative), new Dictionary<string, int[]>(parent.DefaultInputShapes),
                ModelInputs.Describe(parent));
            var built = await sandbox.RunAsync<VariantBuildRequest, VariantBuildResult>(
                VariantBuildRequest.Kind, "variant building", request, phase => _ = SetPhaseAsync(jobId, phase), cancellation.ShutdownToken);
            if (built.Value is not { } variant)
            {
                await FinishAsync(db, job, RunStatus.Failed, UserMessages.Scrub(built.Error ?? "The variant could not be built."));
                return;
            }

            var model = NewModel(job, parent, variant, relative);
            CatalogEntry.ApplyAnalysis(model, variant.Facts, variant.FileSizeBytes, classify: false);
            db.Models.Add(model);
            await db.SaveChangesAsync();
            job.VariantId = model.Id;
            await FinishAsync(db, job, RunStatus.Succeeded, null);
        }
        catch (SandboxStoppedException ex)
        {
            await FinishAsync(db, job, RunStatus.Failed, UserMessages.Scrub(ex.Message));
        }
        catch (OperationCanceledException)
        {
            await FinishAsync(db, job, RunStatus.Interrupted, "The worker shut down while the variant was being made; request it again.");
        }
        catch (Exception ex)
        {
            await FinishAsync(db, job, RunStatus.Failed, UserMessages.Unexpected(logger, ex, $"Variant job {jobId} failed"));
        }
        finally
        {
            if (job.VariantId is null)
            {
                File.Delete(data.PathOf(relative));
            }
        }
    }

    private Model NewModel(VariantJob job, Model parent, VariantBuildResult variant, string relative)
    {
        return new Model
        {
            Name = $"{parent.Name} · {Label(job)}",
            Family = parent.Family,
            Task = parent.Task,
            Source = parent.Source,
            Provenance = $"{job.Technique.ApiName()} variant of {parent.Name}: {variant.Description}",
            FilePath = relative,
            AddedAtUtc = clock.GetUtcNow().UtcDateTime,
            AddedBy = job.CreatedBy,
            DefaultInputShapes = new Dictionary<string, int[]>(parent.DefaultInputShapes),
            ParentId = parent.Id,
            Technique = job.Technique,
            TechniqueParameters = new Dictionary<string, string>(job.Parameters),
            Fidelity = variant.Fidelity,
        };
    }

    private static string Label(VariantJob job) => job.Technique switch
    {
        Technique.PrunedStructured or Technique.PrunedUnstructured =>
            $"{job.Technique.ApiName()} {double.Parse(job.Parameters["ratio"], CultureInfo.InvariantCulture):P0}",
        Technique.Int8Static => $"int8-static ({job.Parameters["calibration"]})",
        _ => job.Technique.ApiName(),
    };

    /// <summary>Queued to running with this worker's lease; null when cancelled or already taken.</summary>
    private async Task<VariantJob?> ClaimAsync(EfficiencyContext db, long jobId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.VariantJobs.Where(j => j.Id == jobId && j.Status == RunStatus.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, RunStatus.Running)
                .SetProperty(j => j.LeaseOwner, worker.Id)
                .SetProperty(j => j.LeaseExpiresAtUtc, now + options.Value.LeaseDuration)
                .SetProperty(j => j.UpdatedAtUtc, now));
        return claimed == 0 ? null : await db.VariantJobs.FirstAsync(j => j.Id == jobId);
    }

    private async Task SetPhaseAsync(EfficiencyContext db, VariantJob job, string phase)
    {
        job.Phase = phase;
        job.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        notifier.Publish(new VariantJobUpdate(job.Id, job.ParentId, job.Status, phase, null, null));
    }

    /// <summary>A phase the sandbox reported, written from its output reader through a context of its own.</summary>
    private async Task SetPhaseAsync(long jobId, string phase)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await db.VariantJobs.Where(j => j.Id == jobId && j.Status == RunStatus.Running && j.LeaseOwner == worker.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Phase, phase).SetProperty(j => j.UpdatedAtUtc, clock.GetUtcNow().UtcDateTime));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Variant job {JobId}: the phase '{Phase}' could not be recorded", jobId, phase);
        }
    }

    private async Task FinishAsync(EfficiencyContext db, VariantJob job, RunStatus status, string? error)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Only while this worker still holds it: a lapsed lease means another process already ended the job.
        await db.VariantJobs.Where(j => j.Id == job.Id && j.Status == RunStatus.Running && j.LeaseOwner == worker.Id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, status)
                .SetProperty(j => j.Phase, (string?)null)
                .SetProperty(j => j.Error, error)
                .SetProperty(j => j.VariantId, job.VariantId)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAtUtc, (DateTime?)null)
                .SetProperty(j => j.FinishedAtUtc, now)
                .SetProperty(j => j.UpdatedAtUtc, now));
        notifier.Publish(new VariantJobUpdate(job.Id, job.ParentId, status, null, error, job.VariantId));
    }
}
