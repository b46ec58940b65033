using System.Globalization;
using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Analysis;
using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Runner.Fidelity;
using EfficiencyDashboard.Runner.Inputs;
using EfficiencyDashboard.Runner.Techniques;
using EfficiencyDashboard.Web.Errors;
using EfficiencyDashboard.Web.Models;
using EfficiencyDashboard.Web.Storage;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using TechniqueTransforms = EfficiencyDashboard.Runner.Techniques.Technique;

namespace EfficiencyDashboard.Web.Variants;

/// <summary>
/// Derives a variant: applies the technique to the parent graph, analyses the result, and measures its fidelity to the
/// parent on the same real inputs (calibration uses other samples than the comparison), then adds it to the catalog.
/// </summary>
public sealed class VariantBuildJob(
    IDbContextFactory<EfficiencyContext> dbFactory,
    DataDirectory data,
    ModelInputs inputs,
    VariantNotifier notifier,
    TimeProvider clock,
    ILogger<VariantBuildJob> logger)
{
    private const int CalibrationBatches = 4;
    private const int ComparisonBatches = 4;

    [AutomaticRetry(Attempts = 0)]
    public async Task ExecuteAsync(long jobId, IJobCancellationToken cancellation)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var job = await db.VariantJobs.FirstOrDefaultAsync(j => j.Id == jobId && j.Status == RunStatus.Queued);
        if (job is null)
        {
            return;
        }

        var parent = await db.Models.AsNoTracking().FirstAsync(m => m.Id == job.ParentId);
        try
        {
            await SetPhaseAsync(db, job, RunStatus.Running, "applying the technique");
            var parentBytes = await File.ReadAllBytesAsync(data.PathOf(parent.FilePath));
            var batchSize = parent.FixedBatchSize ?? 4;
            var options = inputs.CalibrationOptions(parent);
            var samples = CalibrationSet.For(parentBytes, CalibrationBatches + ComparisonBatches, batchSize, options);
            var calibration = new CalibrationSet(samples.Kind, [.. samples.Batches.Take(CalibrationBatches)]);
            var comparison = new CalibrationSet(samples.Kind, [.. samples.Batches.Skip(CalibrationBatches)]);
            var result = TechniqueTransforms.Apply(job.Technique.ApiName(), parentBytes, OptionsFor(job, calibration));
            cancellation.ThrowIfCancellationRequested();

            await SetPhaseAsync(db, job, RunStatus.Running, "analysing the variant");
            var relative = Path.Combine("models", "variants", $"{parent.Id}-{job.Technique.ApiName()}-{job.Id}.onnx");
            Directory.CreateDirectory(Path.GetDirectoryName(data.PathOf(relative))!);
            await File.WriteAllBytesAsync(data.PathOf(relative), result.Model);
            var analysis = ModelAnalyzer.Analyze(result.Model, 1, parent.DefaultInputShapes);

            await SetPhaseAsync(db, job, RunStatus.Running, "measuring fidelity to the parent");
            var fidelity = FidelityMeter.Compare(parentBytes, result.Model, comparison);
            var variant = new Model
            {
                Name = $"{parent.Name} · {Label(job)}",
                Family = parent.Family,
                Task = parent.Task,
                Source = parent.Source,
                Provenance = $"{job.Technique.ApiName()} variant of {parent.Name}: {result.Description}",
                FilePath = relative,
                AddedAtUtc = clock.GetUtcNow().UtcDateTime,
                AddedBy = job.CreatedBy,
                DefaultInputShapes = new Dictionary<string, int[]>(parent.DefaultInputShapes),
                ParentId = parent.Id,
                Technique = job.Technique,
                TechniqueParameters = new Dictionary<string, string>(job.Parameters),
                Fidelity = new Core.Catalog.FidelityReport(
                    fidelity.CosineSimilarityMean, fidelity.MaxAbsError, fidelity.MeanAbsError, fidelity.Top1Agreement,
                    fidelity.SimilarityRankCorrelation, fidelity.Samples,
                    $"{fidelity.Samples} samples of {ModelInputs.Describe(parent)}, not used for calibration; output '{fidelity.OutputName}'",
                    clock.GetUtcNow().UtcDateTime),
            };
            CatalogEntry.ApplyAnalysis(variant, analysis, result.Model.LongLength, classify: false);
            db.Models.Add(variant);
            await db.SaveChangesAsync();
            job.VariantId = variant.Id;
            await FinishAsync(db, job, RunStatus.Succeeded, null);
        }
        catch (Exception ex) when (ex is TechniqueNotApplicableException or FidelityException or RunnerException or ArgumentException)
        {
            await FinishAsync(db, job, RunStatus.Failed, UserMessages.Scrub(ex.Message));
        }
        catch (OperationCanceledException)
        {
            await FinishAsync(db, job, RunStatus.Interrupted, "The server stopped while the variant was being made; request it again.");
        }
        catch (Exception ex)
        {
            await FinishAsync(db, job, RunStatus.Failed, UserMessages.Unexpected(logger, ex, $"Variant job {jobId} failed"));
        }
    }

    private static VariantOptions OptionsFor(VariantJob job, CalibrationSet calibration)
    {
        double Number(string key, double fallback) =>
            job.Parameters.TryGetValue(key, out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

        var percentile = job.Parameters.GetValueOrDefault("calibration") == "percentile";
        return new VariantOptions(
            Ratio: Number("ratio", 0.3),
            Calibration: calibration,
            StaticQuantization: new StaticQuantizationOptions(percentile ? CalibrationMethod.Percentile : CalibrationMethod.MinMax, Number("percentile", 99.99)));
    }

    private static string Label(VariantJob job) => job.Technique switch
    {
        Core.Catalog.Technique.PrunedStructured or Core.Catalog.Technique.PrunedUnstructured =>
            $"{job.Technique.ApiName()} {double.Parse(job.Parameters["ratio"], CultureInfo.InvariantCulture):P0}",
        Core.Catalog.Technique.Int8Static => $"int8-static ({job.Parameters["calibration"]})",
        _ => job.Technique.ApiName(),
    };

    private async Task SetPhaseAsync(EfficiencyContext db, VariantJob job, RunStatus status, string phase)
    {
        job.Status = status;
        job.Phase = phase;
        await db.SaveChangesAsync();
        notifier.Publish(new VariantJobUpdate(job.Id, job.ParentId, status, phase, null, null));
    }

    private async Task FinishAsync(EfficiencyContext db, VariantJob job, RunStatus status, string? error)
    {
        job.Status = status;
        job.Phase = null;
        job.Error = error;
        job.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        notifier.Publish(new VariantJobUpdate(job.Id, job.ParentId, status, null, error, job.VariantId));
    }
}
