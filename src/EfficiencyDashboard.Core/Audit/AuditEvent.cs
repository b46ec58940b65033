namespace EfficiencyDashboard.Core.Audit;

/// <summary>Who did what, to what, and when: one row per action that changes something.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>The user name, or "command line" for the command-line verbs.</summary>
    public required string Actor { get; set; }

    /// <summary>The API token the action came through, if any (its name and prefix).</summary>
    public string? Token { get; set; }

    /// <summary>One of <see cref="AuditAction"/>.</summary>
    public required string Action { get; set; }

    /// <summary>What the action was on: run, model, suite, user or token.</summary>
    public string? SubjectType { get; set; }

    public string? SubjectId { get; set; }

    /// <summary>A short, user-readable description (never an exception's text).</summary>
    public string? Detail { get; set; }
}
