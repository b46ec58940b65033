namespace EfficiencyDashboard.Web.Suites;

/// <summary>A configured suite and its latest start.</summary>
public sealed record SuiteView(
    string Name, string Description, IReadOnlyList<string> Models, IReadOnlyList<string> Techniques, IReadOnlyList<int> BatchSizes,
    IReadOnlyList<string> Providers, string Scenario, SuiteRunView? Latest);
