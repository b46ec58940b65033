namespace EfficiencyDashboard.Runner.Tests.ModelBuilding;

/// <summary>
/// The test classes that build the large generated models share one fixture, so each model is
/// built once per run, and run one after another rather than competing for two cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class GeneratedModelsCollection : ICollectionFixture<GeneratedModelsFixture>
{
    public const string Name = "Generated models";
}
