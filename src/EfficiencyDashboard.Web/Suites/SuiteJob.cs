using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Errors;
using EfficiencyDashboard.Web.Hardware;
using EfficiencyDashboard.Web.Models;
using EfficiencyDashboard.Web.Runs;
using EfficiencyDashboard.Web.Variants;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Suites;

/// <summary>
/// Plans a suite start on the CPU queue: makes each missing variant (so none is measured while another is built), then
/// queues one run for every model or variant, batch size and provider, and records what it left out and why.
/// </summary>
public sealed class SuiteJob(
    IDbContextFactory<EfficiencyContext> dbFactory,
    IOptions<Dictionary<string, SuiteDefinition>> suites,
    VariantQueue variants,
    VariantBuildJob variantBuilder,
    RunQueue runs,
    HardwareRegistry hardware,
    CatalogBuilder catalog,
    ILogger<SuiteJob> logger)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task ExecuteAsync(long suiteRunId, IJobCancellationToken cancellation)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var start = await db.SuiteRuns.FirstOrDefaultAsync(s => s.Id == suiteRunId && s.Status == RunStatus.Queued);
        if (start is null || !suites.Value.TryGetValue(start.Name, out var suite))
        {
            return;
        }

        try
        {
            start.Status = RunStatus.Running;
            if (!catalog.Completion.IsCompleted)
            {
                // On a fresh install the built-in models are still being built: a suite of every model must wait for them all.
                start.Phase = "waiting for the catalog";
                await db.SaveChangesAsync();
                await catalog.Completion.WaitAsync(cancellation.ShutdownToken);
            }

            start.Phase = "making variants";
            await db.SaveChangesAsync();
            var targets = await VariantsAsync(db, suite, start, cancellation);

            start.Phase = "queueing runs";
            await db.SaveChangesAsync();
            var providers = suite.Providers.Length > 0
                ? suite.Providers
                : [.. hardware.Description.ExecutionProviders.Where(p => p.Loads).Select(p => p.Provider.ApiName())];
            // Smallest batch first across every model: each queue runs in this order, so a suite that is still measuring
            // (or was cancelled) already has each variant beside its parent at the first batch sizes.
            foreach (var batch in suite.BatchSizes.DefaultIfEmpty(1).Order())
            {
                foreach (var model in targets)
                {
                    foreach (var provider in providers)
                    {
                        var request = new RunRequest(model.Id, provider, batch, suite.Scenario, suite.DurationSeconds, suite.MinQueries, suite.WarmupQueries);
                        var (run, errors) = await runs.CreateAsync(request, CancellationToken.None, start.Id);
                        if (run is null)
                        {
                            start.Skipped.Add($"{model.Name}, batch {batch}, {provider}: {string.Join(" ", errors.Values.SelectMany(e => e))}");
                            continue;
                        }

                        await runs.ScheduleAsync(db, run, CancellationToken.None);
                        start.PlannedRuns++;
                    }
                }
            }

            start.Phase = "measuring";
            db.Entry(start).Property(s => s.Skipped).IsModified = true;
            await db.SaveChangesAsync();
        }
        catch (Exception ex)
        {
            start.Status = RunStatus.Failed;
            start.Error = UserMessages.Unexpected(logger, ex, $"Suite {start.Name} could not be planned");
            start.Phase = null;
            await db.SaveChangesAsync();
        }
    }

    /// <summary>The models the suite measures: each chosen model and its variant for every technique, made here if missing.</summary>
    private async Task<List<Model>> VariantsAsync(EfficiencyContext db, SuiteDefinition suite, Core.Suites.SuiteRun start, IJobCancellationToken cancellation)
    {
        var models = await db.Models.AsNoTracking()
            .Where(m => m.ParentId == null && (suite.Models.Length == 0 ? m.Key != null : suite.Models.Contains(m.Key!)))
            .OrderBy(m => m.Id).ToListAsync();
        var targets = new List<Model>();
        foreach (var model in models)
        {
            foreach (var technique in suite.Techniques.DefaultIfEmpty("none"))
            {
                cancellation.ThrowIfCancellationRequested();
                if (technique == "none")
                {
                    targets.Add(model);
                    continue;
                }

                var parsed = TechniqueExtensions.Parse(technique);
                var existing = await db.Models.AsNoTracking().FirstOrDefaultAsync(m => m.ParentId == model.Id && m.Technique == parsed);
                if (existing is not null)
                {
                    targets.Add(existing);
                    continue;
                }

                var (job, errors, _) = await variants.CreateAsync(model.Id, new VariantRequest(technique), CancellationToken.None, start.CreatedBy);
                if (job is null)
                {
                    start.Skipped.Add($"{model.Name}, {technique}: {string.Join(" ", errors.Values.SelectMany(e => e))}");
                    continue;
                }

                start.Phase = $"making variants: {technique} of {model.Name}";
                await db.SaveChangesAsync();
                await variantBuilder.ExecuteAsync(job.Id, cancellation);
                var made = await db.VariantJobs.AsNoTracking().FirstAsync(j => j.Id == job.Id);
                if (made.VariantId is { } id)
                {
                    targets.Add(await db.Models.AsNoTracking().FirstAsync(m => m.Id == id));
                }
                else
                {
                    start.Skipped.Add($"{model.Name}, {technique}: {made.Error}");
                }
            }
        }

        return targets;
    }
}
