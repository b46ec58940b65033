namespace EfficiencyDashboard.Web.Users;

/// <summary>An API token as its owner and admins see it: never its secret.</summary>
public sealed record TokenView(
    int Id, string User, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTime CreatedAtUtc, DateTime? ExpiresAtUtc,
    DateTime? LastUsedAtUtc, DateTime? RevokedAtUtc, string? RevokedBy, bool Active);
