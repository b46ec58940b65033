using System.Collections.Concurrent;

namespace EfficiencyDashboard.Web.Workers;

/// <summary>The runs executing in this worker, so its heartbeat can write their progress and stop them when asked.</summary>
public sealed class ExecutingRuns
{
    private readonly ConcurrentDictionary<long, RunExecution> _runs = new();

    public IEnumerable<RunExecution> All => _runs.Values;

    /// <summary>Registers a run this worker just claimed; disposing the execution unregisters it.</summary>
    public RunExecution Start(long runId, CancellationToken jobToken)
    {
        var execution = new RunExecution(runId, jobToken, () => _runs.TryRemove(runId, out _));
        _runs[runId] = execution;
        return execution;
    }
}
