using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Core.Suites;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Suites;

/// <summary>A suite start and how far its runs have come; it has succeeded once every planned run has ended.</summary>
public sealed record SuiteRunView(
    long Id, string Name, RunStatus Status, string? Phase, int PlannedRuns, int FinishedRuns, int SucceededRuns, int FailedRuns,
    double Progress, IReadOnlyList<string> Skipped, string? Error, DateTime CreatedAtUtc, string? CreatedBy = null)
{
    public static async Task<SuiteRunView> LoadAsync(EfficiencyContext db, SuiteRun start, CancellationToken cancellationToken)
    {
        var counts = await db.Runs.Where(r => r.SuiteRunId == start.Id).GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(Func<RunStatus, bool> which) => counts.Where(c => which(c.Status)).Sum(c => c.Count);
        var finished = Count(s => s.IsFinal());
        var done = start.Status == RunStatus.Running && start.Phase == "measuring" && finished >= start.PlannedRuns;
        return new SuiteRunView(
            start.Id, start.Name, done ? RunStatus.Succeeded : start.Status, done ? null : start.Phase, start.PlannedRuns, finished,
            Count(s => s == RunStatus.Succeeded), Count(s => s is RunStatus.Failed or RunStatus.Cancelled or RunStatus.Interrupted),
            start.PlannedRuns > 0 ? (double)finished / start.PlannedRuns : 0, start.Skipped, start.Error, start.CreatedAtUtc, start.CreatedBy);
    }
}
