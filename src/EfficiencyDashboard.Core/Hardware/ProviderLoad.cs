namespace EfficiencyDashboard.Core.Hardware;

/// <summary>Whether an execution provider loaded on a machine: <c>cpu</c>, <c>cuda</c> or <c>tensorrt</c>, and the reason if not.</summary>
public sealed record ProviderLoad(string Provider, bool Loads, string Detail);
