namespace EfficiencyDashboard.Web.Tests.Infrastructure;

/// <summary>Hosts share two cores; running them one at a time keeps timings and polling honest.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DashboardCollection
{
    public const string Name = "dashboard";
}
