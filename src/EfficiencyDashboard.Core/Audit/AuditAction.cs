namespace EfficiencyDashboard.Core.Audit;

/// <summary>The actions the audit log records.</summary>
public static class AuditAction
{
    public const string RunQueued = "run-queued";
    public const string RunCancelled = "run-cancelled";
    public const string RunInvalidated = "run-invalidated";
    public const string ModelUploaded = "model-uploaded";
    public const string ModelClassified = "model-classified";
    public const string VariantRequested = "variant-requested";
    public const string SuiteStarted = "suite-started";
    public const string TokenCreated = "token-created";
    public const string TokenRevoked = "token-revoked";
    public const string UserCreated = "user-created";
    public const string RolesChanged = "roles-changed";
    public const string UserDisabled = "user-disabled";
    public const string UserEnabled = "user-enabled";
    public const string PasswordChanged = "password-changed";
    public const string FirstAdminCreated = "first-admin-created";
}
