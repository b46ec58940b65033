namespace EfficiencyDashboard.Web.Workers;

/// <summary>What the supervisor's worker is doing, for the readiness check.</summary>
/// <param name="WorkerId">The id of the worker started last (the owner of its leases).</param>
/// <param name="ProcessId">Its process id while it runs.</param>
/// <param name="LastExit">Why the previous worker ended, in words, if one did.</param>
/// <param name="RestartAtUtc">When the next worker starts, while the supervisor waits after a death.</param>
public sealed record WorkerState(WorkerPhase Phase, string? WorkerId, int? ProcessId, DateTime? StartedAtUtc, string? LastExit, DateTime? RestartAtUtc, int Restarts)
{
    public static WorkerState NotStarted { get; } = new(WorkerPhase.NotStarted, null, null, null, null, null, 0);
}
