namespace EfficiencyDashboard.Web.Tests.Reports;

/// <summary>The algorithm and decomposition report tests share one app and its runs; like the other hosts, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AlgorithmReportCollection : ICollectionFixture<AlgorithmReportFixture>
{
    public const string Name = "algorithm-reports";
}
