namespace EfficiencyDashboard.Web.Reports.Explorer;

/// <summary>The columns the run explorer sorts by.</summary>
public enum RunExplorerSortKey
{
    Created,
    LatencyP50,
    Throughput,
}
