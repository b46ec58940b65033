namespace EfficiencyDashboard.Core.Runs;

public static class RunStatusExtensions
{
    /// <summary>The status as the API spells it: queued, running, succeeded, failed, cancelled, interrupted.</summary>
    public static string ApiName(this RunStatus status) => status.ToString().ToLowerInvariant();

    public static bool IsFinal(this RunStatus status) => status is not (RunStatus.Queued or RunStatus.Running);
}
