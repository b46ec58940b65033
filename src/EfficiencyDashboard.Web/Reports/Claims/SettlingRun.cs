namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>Runs that would help settle a claim: one model in one setting on this server, how many more, and why.</summary>
/// <param name="Count">How many more runs.</param>
/// <param name="Why">What they add: a first comparison, an interval, a narrower interval.</param>
public sealed record SettlingRun(int ModelId, string Model, string Provider, int BatchSize, string Scenario, int Count, string Why);
