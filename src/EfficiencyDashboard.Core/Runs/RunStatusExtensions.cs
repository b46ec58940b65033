namespace EfficiencyDashboard.Core.Runs;

public static class RunStatusExtensions
{
    public static bool IsFinal(this RunStatus status) => status is not (RunStatus.Queued or RunStatus.Running);
}
