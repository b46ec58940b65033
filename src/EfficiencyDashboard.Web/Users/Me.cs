namespace EfficiencyDashboard.Web.Users;

/// <summary>The caller of <c>GET /api/me</c>.</summary>
/// <param name="Roles">The roles the user holds now.</param>
/// <param name="Token">The API token used, when the request came with one.</param>
/// <param name="Scopes">That token's scopes: an action needs both a role and a scope that allow it.</param>
public sealed record Me(string Name, IReadOnlyList<string> Roles, string? Token, IReadOnlyList<string>? Scopes);
