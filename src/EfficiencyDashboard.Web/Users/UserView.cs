namespace EfficiencyDashboard.Web.Users;

/// <summary>A user as admins see it.</summary>
public sealed record UserView(string Name, IReadOnlyList<string> Roles, bool Disabled, DateTime CreatedAtUtc, int ActiveTokens);
