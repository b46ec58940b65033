using EfficiencyDashboard.Core.Audit;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Core.Suites;
using EfficiencyDashboard.Web.Users;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Suites;

/// <summary>Starts configured suites: records the start and queues its planning job on the CPU queue.</summary>
public sealed class SuiteQueue(
    IDbContextFactory<EfficiencyContext> dbFactory, IBackgroundJobClient jobs, IOptions<Dictionary<string, SuiteDefinition>> suites, TimeProvider clock)
{
    /// <summary>Suites are planned on the CPU queue, so planning never overlaps a CPU measurement.</summary>
    public const string Queue = "cpu";

    // Starts are checked and recorded one at a time, so two clicks cannot both pass the "still running" check.
    private readonly SemaphoreSlim _starting = new(1, 1);

    public IReadOnlyDictionary<string, SuiteDefinition> Configured => suites.Value;

    /// <summary>Null when no suite has that name. Refused while the same suite is still running.</summary>
    public async Task<SuiteRun?> StartAsync(string name, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Permission.StartSuites, "Starting suites");
        if (!suites.Value.ContainsKey(name))
        {
            return null;
        }

        await _starting.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await RunningAsync(db, name, cancellationToken) is { } running)
            {
                throw new ActionRefusedException(Refusal.AlreadyRunning,
                    $"Suite {name} is still running (started {running.CreatedAtUtc:yyyy-MM-dd HH:mm} UTC by {running.CreatedBy ?? "an earlier version"}, " +
                    $"{running.FinishedRuns} of {running.PlannedRuns} runs ended); it can start again once its runs have ended.");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var start = new SuiteRun { Name = name, Status = RunStatus.Queued, Phase = "queued", CreatedAtUtc = now, CreatedBy = actor.Name };
            db.SuiteRuns.Add(start);
            await db.SaveChangesAsync(cancellationToken);
            db.AuditEvents.Add(actor.Audit(AuditAction.SuiteStarted, AuditSubject.Suite, start.Id, now, name));
            start.JobId = jobs.Enqueue<SuiteJob>(Queue, job => job.ExecuteAsync(start.Id, JobCancellationToken.Null));
            await db.SaveChangesAsync(cancellationToken);
            return start;
        }
        finally
        {
            _starting.Release();
        }
    }

    /// <summary>The suite's latest start while it is queued, planning or measuring; null once every run ended or it failed.</summary>
    private static async Task<SuiteRunView?> RunningAsync(EfficiencyContext db, string name, CancellationToken cancellationToken)
    {
        var latest = await db.SuiteRuns.AsNoTracking().Where(s => s.Name == name).OrderByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return null;
        }

        var view = await SuiteRunView.LoadAsync(db, latest, cancellationToken);
        return view.Status is RunStatus.Queued or RunStatus.Running ? view : null;
    }
}
