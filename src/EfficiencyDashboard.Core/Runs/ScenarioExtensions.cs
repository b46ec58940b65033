namespace EfficiencyDashboard.Core.Runs;

public static class ScenarioExtensions
{
    /// <summary>The scenario as the API spells it: single-stream.</summary>
    public static string ApiName(this Scenario scenario) => scenario switch
    {
        Scenario.SingleStream => "single-stream",
        _ => scenario.ToString().ToLowerInvariant(),
    };
}
