namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>The runs queued to settle a claim.</summary>
/// <param name="Problem">Runs that could not be queued, and why; null when every one was.</param>
public sealed record SettlingRunsStarted(string ClaimId, IReadOnlyList<long> RunIds, string? Problem);
