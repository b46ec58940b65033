using EfficiencyDashboard.Runner.Execution;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>Which execution providers load on this server, probed once at start-up.</summary>
public sealed class ExecutionProviderStatus(IExecutionProviderLoader loader)
{
    private readonly Lazy<IReadOnlyList<ProviderAvailability>> _providers = new(() => ExecutionProviderProbe.Probe(loader));

    public IReadOnlyList<ProviderAvailability> Providers => _providers.Value;
}
