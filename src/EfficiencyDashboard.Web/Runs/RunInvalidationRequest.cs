namespace EfficiencyDashboard.Web.Runs;

/// <summary>Why an engineer marks a stored result INVALID (<c>POST /api/runs/{id}/invalidate</c>).</summary>
/// <param name="Reason">Shown beside the result as its validity reason; required.</param>
public sealed record RunInvalidationRequest(string? Reason);
