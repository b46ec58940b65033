namespace EfficiencyDashboard.Core.Runs;

public static class ScenarioExtensions
{
    /// <summary>The scenario as the API spells it: single-stream, offline, server.</summary>
    public static string ApiName(this Scenario scenario) => scenario switch
    {
        Scenario.SingleStream => "single-stream",
        _ => scenario.ToString().ToLowerInvariant(),
    };

    public static Scenario? Parse(string? value) =>
        Enum.GetValues<Scenario>().Cast<Scenario?>().FirstOrDefault(s => s!.Value.ApiName() == (value ?? "single-stream").Trim().ToLowerInvariant());
}
