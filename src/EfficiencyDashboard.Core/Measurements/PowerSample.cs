using EfficiencyDashboard.Core.Measurements;

namespace EfficiencyDashboard.Core.Measurements;

/// <summary>One GPU power reading during the measured window.</summary>
/// <param name="OffsetMs">Milliseconds since the sampler started.</param>
/// <param name="PowerW">Board power, in watts.</param>
public readonly record struct PowerSample(double OffsetMs, double PowerW);
