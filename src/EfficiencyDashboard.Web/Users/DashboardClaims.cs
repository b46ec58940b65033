namespace EfficiencyDashboard.Web.Users;

/// <summary>Claim types of the dashboard's own, beside the standard name and role claims.</summary>
public static class DashboardClaims
{
    /// <summary>Set when a request authenticated with an API token: its name and prefix, for the audit log.</summary>
    public const string Token = "efficiencydashboard:token";

    /// <summary>One per scope of the API token used; an action needs both a role and a scope that allow it.</summary>
    public const string Scope = "efficiencydashboard:scope";
}
