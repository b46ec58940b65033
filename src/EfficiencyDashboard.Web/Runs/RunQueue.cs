using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>Validates run requests, stores them as queued runs and hands them to the device's job queue; cancels them.</summary>
public sealed class RunQueue(IDbContextFactory<EfficiencyContext> dbFactory, IOptions<RunDefaults> defaults, RunLifecycle lifecycle)
{
    public async Task<(Run? Run, Dictionary<string, string[]> Errors)> EnqueueAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var (run, errors) = await CreateAsync(request, cancellationToken);
        if (run is not null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await ScheduleAsync(db, run, cancellationToken);
        }

        return (run, errors);
    }

    /// <summary>Validates and stores a queued run without handing it to a job queue (the headless mode executes it itself).</summary>
    public async Task<(Run? Run, Dictionary<string, string[]> Errors)> CreateAsync(
        RunRequest request, CancellationToken cancellationToken, long? suiteRunId = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var model = await db.Models.AsNoTracking().FirstOrDefaultAsync(m => m.Id == request.ModelId, cancellationToken);
        var (run, errors) = RunRequestValidator.Validate(request, model, defaults.Value);
        if (run is null)
        {
            return (null, errors);
        }

        run.SuiteRunId = suiteRunId;
        await lifecycle.AddAsync(db, run, cancellationToken);
        return (run, errors);
    }

    /// <summary>Puts a stored queued run on its device's job queue.</summary>
    public Task ScheduleAsync(EfficiencyContext db, Run run, CancellationToken cancellationToken) => lifecycle.ScheduleAsync(db, run, cancellationToken);

    /// <summary>Cancels a queued run at once, or asks a running one to stop. Returns the run's status afterwards, or null if there is no such run.</summary>
    public Task<RunStatus?> CancelAsync(long runId, CancellationToken cancellationToken) => lifecycle.CancelAsync(runId, cancellationToken);
}
