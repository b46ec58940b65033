using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Core.Suites;
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

    public IReadOnlyDictionary<string, SuiteDefinition> Configured => suites.Value;

    /// <summary>Null when no suite has that name.</summary>
    public async Task<SuiteRun?> StartAsync(string name, CancellationToken cancellationToken)
    {
        if (!suites.Value.ContainsKey(name))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var start = new SuiteRun { Name = name, Status = RunStatus.Queued, Phase = "queued", CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        db.SuiteRuns.Add(start);
        await db.SaveChangesAsync(cancellationToken);
        start.JobId = jobs.Enqueue<SuiteJob>(Queue, job => job.ExecuteAsync(start.Id, JobCancellationToken.Null));
        await db.SaveChangesAsync(cancellationToken);
        return start;
    }
}
