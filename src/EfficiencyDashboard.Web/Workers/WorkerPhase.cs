namespace EfficiencyDashboard.Web.Workers;

public enum WorkerPhase
{
    NotStarted,
    Running,
    /// <summary>The worker died; a fresh one starts after a back-off.</summary>
    Restarting,
    Stopped,
}
