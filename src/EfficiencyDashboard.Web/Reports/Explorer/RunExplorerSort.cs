namespace EfficiencyDashboard.Web.Reports.Explorer;

/// <summary>How the run explorer orders runs; runs without a result come last whatever the direction, ties go by run id in the same direction.</summary>
public sealed record RunExplorerSort(RunExplorerSortKey Key, bool Descending)
{
    public static RunExplorerSort NewestFirst { get; } = new(RunExplorerSortKey.Created, Descending: true);
}
