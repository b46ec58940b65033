namespace EfficiencyDashboard.Web.Users;

/// <summary>A user just made; <paramref name="GeneratedPassword"/> is shown this once when none was given.</summary>
public sealed record CreatedUser(UserView User, string? GeneratedPassword);
