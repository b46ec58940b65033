using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Core.Suites;
using EfficiencyDashboard.Web.Errors;
using EfficiencyDashboard.Web.Hardware;
using EfficiencyDashboard.Web.Models;
using EfficiencyDashboard.Web.Runs;
using EfficiencyDashboard.Web.Variants;
using EfficiencyDashboard.Web.Workers;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Suites;

/// <summary>
/// Plans a suite start on the CPU queue in a worker, holding a lease: makes each missing variant (so none is measured
/// while another is built), then queues one run for every model or variant, batch size and provider, and records what
/// it left out and why. Planning started again after its worker died resumes: it reuses the variants made and skips
/// the runs already queued.
/// </summary>
public sealed class SuiteJob(
    IDbContextFactory<EfficiencyContext> dbFactory,
    IOptions<Dictionary<string, SuiteDefinition>> suites,
    VariantQueue variants,
    VariantBuildJob variantBuilder,
    RunQueue runs,
    HardwareRegistry hardware,
    CatalogBuilder catalog,
    WorkerIdentity worker,
    WorkLeases leases,
    IOptions<RunnerOptions> options,
    TimeProvider clock,
    ILogger<SuiteJob> logger)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task ExecuteAsync(long suiteRunId, IJobCancellationToken cancellation)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var start = await ClaimAsync(db, suiteRunId);
        if (start is null)
        {
            return;
        }

        using var held = leases.Hold();

        if (!suites.Value.TryGetValue(start.Name, out var suite))
        {
            await FailAsync(db, start, $"No suite is configured under the name '{start.Name}' any more.");
            return;
        }

        try
        {
            if (!catalog.Completion.IsCompleted)
            {
                // On a fresh install the built-in models are still being built: a suite of every model must wait for them all.
                start.Phase = "waiting for the catalog";
                await db.SaveChangesAsync();
                await catalog.Completion.WaitAsync(cancellation.ShutdownToken);
            }

            start.Phase = "making variants";
            start.Skipped = [];
            await db.SaveChangesAsync();
            var targets = await VariantsAsync(db, suite, start, cancellation);

            start.Phase = "queueing runs";
            await db.SaveChangesAsync();
            await QueueRunsAsync(db, suite, start, targets);

            start.Phase = "measuring";
            start.LeaseOwner = null;
            start.LeaseExpiresAtUtc = null;
            db.Entry(start).Property(s => s.Skipped).IsModified = true;
            await db.SaveChangesAsync();
        }
        catch (OperationCanceledException) when (cancellation.ShutdownToken.IsCancellationRequested)
        {
            // The worker is stopping: the supervisor (or a lease sweeper) plans the suite again, skipping what is done.
            logger.LogInformation("Suite {Name} planning stopped with its worker", start.Name);
        }
        catch (Exception ex)
        {
            await FailAsync(db, start, UserMessages.Unexpected(logger, ex, $"Suite {start.Name} could not be planned"));
        }
    }

    /// <summary>Queued to running with this worker's lease; null when it was already taken.</summary>
    private async Task<SuiteRun?> ClaimAsync(EfficiencyContext db, long suiteRunId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.SuiteRuns.Where(s => s.Id == suiteRunId && s.Status == RunStatus.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatus.Running)
                .SetProperty(r => r.PlanningAttempts, r => r.PlanningAttempts + 1)
                .SetProperty(r => r.LeaseOwner, worker.Id)
                .SetProperty(r => r.LeaseExpiresAtUtc, now + options.Value.LeaseDuration));
        return claimed == 0 ? null : await db.SuiteRuns.FirstAsync(s => s.Id == suiteRunId);
    }

    private static async Task FailAsync(EfficiencyContext db, SuiteRun start, string error)
    {
        start.Status = RunStatus.Failed;
        start.Error = error;
        start.Phase = null;
        start.LeaseOwner = null;
        start.LeaseExpiresAtUtc = null;
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// One run per model, batch size and provider, smallest batch first across every model: each queue runs in this
    /// order, so a suite that is still measuring (or was cancelled) already has each variant beside its parent at the
    /// first batch sizes. A combination this start already queued (before its planning was interrupted) is counted, not queued again.
    /// </summary>
    private async Task QueueRunsAsync(EfficiencyContext db, SuiteDefinition suite, SuiteRun start, List<Model> targets)
    {
        var providers = suite.Providers.Length > 0
            ? suite.Providers
            : [.. hardware.Description.ExecutionProviders.Where(p => p.Loads).Select(p => p.Provider.ApiName())];
        var queued = await db.Runs.AsNoTracking().Where(r => r.SuiteRunId == start.Id)
            .Select(r => new { r.ModelId, r.BatchSize, r.ExecutionProvider }).ToListAsync();
        start.PlannedRuns = 0;
        foreach (var batch in suite.BatchSizes.DefaultIfEmpty(1).Order())
        {
            foreach (var model in targets)
            {
                foreach (var provider in providers)
                {
                    if (queued.Any(r => r.ModelId == model.Id && r.BatchSize == batch && r.ExecutionProvider == RunRequestValidator.ParseProvider(provider)))
                    {
                        start.PlannedRuns++;
                        continue;
                    }

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
    }

    /// <summary>The models the suite measures: each chosen model and its variant for every technique, made here if missing.</summary>
    private async Task<List<Model>> VariantsAsync(EfficiencyContext db, SuiteDefinition suite, SuiteRun start, IJobCancellationToken cancellation)
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
