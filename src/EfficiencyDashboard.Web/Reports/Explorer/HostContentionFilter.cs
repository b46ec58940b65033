namespace EfficiencyDashboard.Web.Reports.Explorer;

/// <summary>The run explorer's host contention filter, named in the URL as <c>contention=host-busy|quiet|not-measured</c>.</summary>
public enum HostContentionFilter
{
    /// <summary>Runs that failed the host-busy check.</summary>
    HostBusy,

    /// <summary>Runs whose contention was measured and stayed within the threshold.</summary>
    Quiet,

    /// <summary>Runs without a contention figure (not Linux, or measured before it was recorded).</summary>
    NotMeasured,
}
