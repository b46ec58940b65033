using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>A change in a run's status or progress, pushed to open pages.</summary>
public sealed record RunUpdate(long RunId, RunStatus Status, string Phase, double Progress, double ElapsedSeconds, double? EtaSeconds, int QueriesCompleted);
