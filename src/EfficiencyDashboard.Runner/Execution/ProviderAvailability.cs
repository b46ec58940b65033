using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Runner.Execution;

/// <summary>Whether an execution provider actually loads on this machine, and if not, why.</summary>
public sealed record ProviderAvailability(ExecutionProvider Provider, bool Loads, string Detail);
