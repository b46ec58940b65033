namespace EfficiencyDashboard.Web.Users;

/// <summary>Names of the authorization policies pages and endpoints use.</summary>
public static class Policies
{
    /// <summary>Read the reports, runs and models: any role, or anyone when <see cref="AuthOptions.AnonymousViewers"/> is on.</summary>
    public const string Read = "read";

    /// <summary>Users, roles and every token.</summary>
    public const string Admin = "admin";
}
