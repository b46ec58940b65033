namespace EfficiencyDashboard.Web.Limits;

/// <summary>Quotas and limits that keep one user from filling the server (configuration section <c>Limits</c>).</summary>
public sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>Queued runs one user may have at once (their suites' runs count too).</summary>
    public int MaxQueuedRunsPerUser { get; set; } = 200;

    /// <summary>State-changing requests (POST, PUT, PATCH, DELETE) one user, or one address when signed out, may make per window.</summary>
    public int StateChangingRequestsPerWindow { get; set; } = 60;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The largest text field of the upload form (name, input shapes), in bytes.</summary>
    public int MaxFormFieldBytes { get; set; } = 16 * 1024;
}
