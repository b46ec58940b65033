namespace EfficiencyDashboard.Web.Users;

/// <summary>The caller of <c>GET /api/me</c>.</summary>
/// <param name="Token">The API token used, when the request came with one.</param>
public sealed record Me(string Name, IReadOnlyList<string> Roles, string? Token);
