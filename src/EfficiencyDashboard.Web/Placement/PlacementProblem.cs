namespace EfficiencyDashboard.Web.Placement;

/// <summary>Why the configured placement could not be applied (an invalid <c>Runner:CpuSet</c>), for the readiness check; null when it was.</summary>
public sealed record PlacementProblem(string? Error);
