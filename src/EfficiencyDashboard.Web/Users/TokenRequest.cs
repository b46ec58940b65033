namespace EfficiencyDashboard.Web.Users;

/// <summary>A request for a new API token (<c>POST /api/tokens</c>).</summary>
/// <param name="Name">What the token is for, e.g. "nightly export".</param>
/// <param name="Scopes">Roles the token may act with: viewer, engineer, analyst, admin; at most those its user holds.</param>
/// <param name="ExpiresInDays">Days until it expires (1 to 365); 30 when left out.</param>
/// <param name="User">Admins only: make the token for this user instead of themselves.</param>
public sealed record TokenRequest(string? Name, string[]? Scopes, int? ExpiresInDays = null, string? User = null);
