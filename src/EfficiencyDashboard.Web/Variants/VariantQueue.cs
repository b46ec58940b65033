using System.Globalization;
using EfficiencyDashboard.Core.Audit;
using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Users;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Variants;

/// <summary>Validates variant requests and queues them on the CPU device queue, so they never overlap a CPU measurement.</summary>
public sealed class VariantQueue(IDbContextFactory<EfficiencyContext> dbFactory, IBackgroundJobClient jobs, VariantNotifier notifier, TimeProvider clock)
{
    public const string Queue = "cpu";

    public async Task<(VariantJob? Job, Dictionary<string, string[]> Errors, bool ParentMissing)> EnqueueAsync(
        int parentId, VariantRequest request, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Permission.MakeVariants, "Making variants");
        var (job, errors, parentMissing) = await CreateAsync(parentId, request, cancellationToken, actor.Name);
        if (job is not null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.AuditEvents.Add(actor.Audit(AuditAction.VariantRequested, AuditSubject.Model, parentId, job.CreatedAtUtc,
                $"{job.Technique.ApiName()} variant (job {job.Id})"));
            await db.SaveChangesAsync(cancellationToken);
            job.JobId = jobs.Enqueue<VariantBuildJob>(Queue, build => build.ExecuteAsync(job.Id, JobCancellationToken.Null));
            await db.VariantJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.JobId, job.JobId), cancellationToken);
        }

        return (job, errors, parentMissing);
    }

    /// <summary>Validates and stores a queued variant job without scheduling it (a suite executes it itself).</summary>
    /// <param name="createdBy">Who asked: the user, or a suite's starter.</param>
    public async Task<(VariantJob? Job, Dictionary<string, string[]> Errors, bool ParentMissing)> CreateAsync(
        int parentId, VariantRequest request, CancellationToken cancellationToken, string? createdBy = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Models.AnyAsync(m => m.Id == parentId, cancellationToken))
        {
            return (null, [], true);
        }

        var (technique, parameters, errors) = Validate(request);
        if (technique is null)
        {
            return (null, errors, false);
        }

        var job = new VariantJob
        {
            ParentId = parentId,
            Technique = technique.Value,
            Parameters = parameters,
            Status = RunStatus.Queued,
            Phase = "queued",
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = createdBy,
        };
        job.UpdatedAtUtc = job.CreatedAtUtc;
        db.VariantJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Publish(new VariantJobUpdate(job.Id, parentId, job.Status, job.Phase, null, null));
        return (job, errors, false);
    }

    private static (Technique? Technique, Dictionary<string, string> Parameters, Dictionary<string, string[]> Errors) Validate(VariantRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var parameters = new Dictionary<string, string>();
        var technique = TechniqueExtensions.Parse(request.Technique);
        if (technique is null)
        {
            errors["technique"] = [$"Unknown technique '{request.Technique}': use fp16, int8-dynamic, int8-static, pruned-structured or pruned-unstructured."];
        }
        else if (technique == Technique.Distilled)
        {
            errors["technique"] = ["Distillation is not a graph transform: a distilled student is its own architecture, linked to its teacher in the catalog (DistilBERT to BERT-base, ResNet-18 to ResNet-50, MobileNetV2 0.5 to 1.0)."];
        }

        if (technique is Technique.PrunedStructured or Technique.PrunedUnstructured)
        {
            var ratio = request.Ratio ?? 0.3;
            if (ratio is not (> 0 and <= 0.9))
            {
                errors["ratio"] = ["The pruning ratio must be above 0 and at most 0.9."];
            }

            parameters["ratio"] = ratio.ToString(CultureInfo.InvariantCulture);
        }

        if (technique == Technique.Int8Static)
        {
            var calibration = (request.Calibration ?? "minmax").Trim().ToLowerInvariant();
            if (calibration is not ("minmax" or "percentile"))
            {
                errors["calibration"] = [$"Unknown calibration '{request.Calibration}': use minmax or percentile."];
            }

            parameters["calibration"] = calibration;
            if (calibration == "percentile")
            {
                var percentile = request.Percentile ?? 99.99;
                if (percentile is not (>= 90 and < 100))
                {
                    errors["percentile"] = ["The calibration percentile must be at least 90 and below 100."];
                }

                parameters["percentile"] = percentile.ToString(CultureInfo.InvariantCulture);
            }
        }

        return (errors.Count == 0 ? technique : null, parameters, errors);
    }
}
