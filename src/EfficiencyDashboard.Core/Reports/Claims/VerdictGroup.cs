namespace EfficiencyDashboard.Core.Reports.Claims;

/// <summary>A group of settings (hardware, provider, precision, family, batch) with its own central estimate.</summary>
/// <param name="Label">The group in words, as the mixed verdict names it ("int8 Transformer on CPU (host), batch 1").</param>
public sealed record VerdictGroup(string Label, CentralEstimate Estimate);
