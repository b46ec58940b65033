namespace EfficiencyDashboard.Web.Runs;

/// <summary>One page of runs, newest first.</summary>
public sealed record RunPage(IReadOnlyList<RunView> Items, int Page, int PageSize, int Total);
