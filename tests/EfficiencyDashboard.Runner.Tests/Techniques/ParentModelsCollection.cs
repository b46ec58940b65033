namespace EfficiencyDashboard.Runner.Tests.Techniques;

/// <summary>Tests that share the parent models run one after another, so two cores are not split between big models.</summary>
[CollectionDefinition(Name)]
public sealed class ParentModelsCollection : ICollectionFixture<ParentModelsFixture>
{
    public const string Name = "Parent models";
}
