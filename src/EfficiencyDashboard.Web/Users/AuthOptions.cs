namespace EfficiencyDashboard.Web.Users;

/// <summary>Sign-in settings (configuration section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>Lets people who are not signed in read the reports, runs and models (a wall display), and nothing more.</summary>
    public bool AnonymousViewers { get; set; }

    /// <summary>How long the first-start setup link works.</summary>
    public TimeSpan SetupLinkLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The lifetime of a token created without one.</summary>
    public TimeSpan DefaultTokenLifetime { get; set; } = TimeSpan.FromDays(30);
}
