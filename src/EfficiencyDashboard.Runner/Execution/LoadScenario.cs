namespace EfficiencyDashboard.Runner.Execution;

/// <summary>How queries are issued during the measured window, after MLPerf LoadGen's scenarios.</summary>
public enum LoadScenario
{
    /// <summary>One query at a time, each issued when the previous one completes; the headline is p90 latency.</summary>
    SingleStream,

    /// <summary>All samples available at once: queries of the batch size issued back to back; the headline is samples per second.</summary>
    Offline,

    /// <summary>
    /// Queries arrive as a Poisson process at the target rate, whether or not earlier ones have finished; latency
    /// runs from the scheduled arrival to completion, queueing included. The headline is p99 latency and whether it
    /// held the latency bound.
    /// </summary>
    Server,
}
