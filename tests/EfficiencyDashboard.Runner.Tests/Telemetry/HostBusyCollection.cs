namespace EfficiencyDashboard.Runner.Tests.Telemetry;

/// <summary>Tests that judge the host's CPU run alone, after the others, so no other test in this process is their "other work".</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostBusyCollection
{
    public const string Name = "Host contention, measured alone";
}
