namespace EfficiencyDashboard.Web.Reports.Explorer;

/// <summary>Which way a metric improves, so a ratio to the baseline reads "> 1 is better" for every metric.</summary>
public enum MetricDirection
{
    /// <summary>A description, not a figure: no ratio.</summary>
    None,

    /// <summary>Latency: the ratio is baseline / run.</summary>
    LowerIsBetter,

    /// <summary>Throughput and efficiency: the ratio is run / baseline.</summary>
    HigherIsBetter,
}
