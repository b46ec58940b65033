using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Components.Runs;

/// <summary>How a scenario reads in the UI: its API name and a one-line explanation (after MLPerf LoadGen).</summary>
public static class ScenarioNames
{
    public static string Explanation(Scenario scenario) => scenario switch
    {
        Scenario.SingleStream => "One query at a time, each sent when the previous one returns; reports p90 latency.",
        Scenario.Offline => "The whole sample set issued at once and worked through as one stream; reports throughput in samples/s.",
        Scenario.Server => "Queries arrive at random (Poisson) at a target rate; reports p99 latency and whether it held the bound.",
        _ => "",
    };

    public static string Explanation(string apiName) =>
        ScenarioExtensions.Parse(apiName) is { } scenario ? Explanation(scenario) : "";
}
