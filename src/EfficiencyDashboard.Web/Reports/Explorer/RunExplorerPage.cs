namespace EfficiencyDashboard.Web.Reports.Explorer;

/// <summary>One page of the run explorer and how many runs match the filter in all.</summary>
public sealed record RunExplorerPage(IReadOnlyList<RunExplorerRow> Rows, int Total);
