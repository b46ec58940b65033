using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Reports;

namespace EfficiencyDashboard.Web.Components.Runs;

/// <summary>
/// The figure a scenario reports (after MLPerf): p90 latency for SingleStream, samples per second for Offline,
/// p99 latency against the bound for Server.
/// </summary>
/// <param name="Metric">The metric's name in the data, for example <c>latencyP90Ms</c>.</param>
/// <param name="ShortLabel">The label in a table cell: <c>p90</c>, <c>p99</c>, or empty when the unit says enough.</param>
/// <param name="BoundHeld">Server: whether p99 latency held the bound; null for the other scenarios.</param>
public sealed record RunHeadline(string Metric, string Label, string ShortLabel, string Value, string Unit, bool? BoundHeld, double? LatencyBoundMs)
{
    public static RunHeadline Of(Scenario scenario, RunResult result) => scenario switch
    {
        Scenario.Offline => new("throughputPerSecond", "Throughput", "", Figures.PerSecond(result.ThroughputPerSecond), "samples/s", null, null),
        Scenario.Server when result.Server is { } server =>
            new("serverLatencyP99Ms", "p99 latency", "p99", Figures.Milliseconds(server.LatencyP99Ms), "ms", server.BoundHeld, server.LatencyBoundMs),
        Scenario.Server => new("latencyP99Ms", "p99 latency", "p99", Figures.Milliseconds(result.LatencyP99Ms), "ms", null, null),
        _ => new("latencyP90Ms", "p90 latency", "p90", Figures.Milliseconds(result.LatencyP90Ms), "ms", null, null),
    };

    /// <summary>Server: "bound held (5000 ms)" or "bound missed (5000 ms)"; null for the other scenarios.</summary>
    public string? BoundText => BoundHeld is { } held && LatencyBoundMs is { } bound
        ? $"{(held ? "bound held" : "bound missed")} ({Figures.Milliseconds(bound)} ms)"
        : null;
}
