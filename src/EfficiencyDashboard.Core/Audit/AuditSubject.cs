namespace EfficiencyDashboard.Core.Audit;

/// <summary>The kinds of things audit events are about.</summary>
public static class AuditSubject
{
    public const string Run = "run";
    public const string Model = "model";
    public const string Suite = "suite";
    public const string User = "user";
    public const string Token = "token";
}
