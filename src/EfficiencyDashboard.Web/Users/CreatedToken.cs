namespace EfficiencyDashboard.Web.Users;

/// <summary>A token just made: the only time its secret is shown.</summary>
public sealed record CreatedToken(TokenView Token, string Secret);
