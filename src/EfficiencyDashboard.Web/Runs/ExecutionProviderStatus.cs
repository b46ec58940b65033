using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Web.Hardware;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>Which execution providers load on this server, as the hardware detection found at start-up.</summary>
public sealed class ExecutionProviderStatus(HardwareRegistry hardware)
{
    public IReadOnlyList<ProviderAvailability> Providers => hardware.Description.ExecutionProviders;
}
