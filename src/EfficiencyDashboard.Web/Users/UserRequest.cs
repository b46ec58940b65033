namespace EfficiencyDashboard.Web.Users;

/// <summary>A new user (<c>POST /api/users</c>, admins only).</summary>
/// <param name="Password">Left out: a random password is made and returned once.</param>
public sealed record UserRequest(string? Name, string[]? Roles, string? Password = null);
