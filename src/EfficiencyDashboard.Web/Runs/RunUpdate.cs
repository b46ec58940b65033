using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>A change in a run's status or progress, pushed to open pages.</summary>
public sealed record RunUpdate(
    long RunId, RunStatus Status, RunPhase Phase, string? PhaseDetail, double Progress, double ElapsedSeconds, double? EtaSeconds, int QueriesCompleted)
{
    public static RunUpdate Of(Run run) =>
        new(run.Id, run.Status, run.Phase, run.PhaseDetail, run.Progress, run.ElapsedSeconds, run.EtaSeconds, run.QueriesCompleted);
}
