using System.Collections.Concurrent;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>Cancellation sources of the runs executing in this process, so a cancel takes effect at once.</summary>
public sealed class RunCancellations
{
    private readonly ConcurrentDictionary<long, CancellationTokenSource> _sources = new();

    public CancellationTokenSource Register(long runId, CancellationToken jobToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(jobToken);
        _sources[runId] = source;
        return source;
    }

    public void Unregister(long runId) => _sources.TryRemove(runId, out _);

    /// <summary>Cancels the run if it executes here; returns whether it did.</summary>
    public bool TryCancel(long runId)
    {
        if (!_sources.TryGetValue(runId, out var source))
        {
            return false;
        }

        try
        {
            source.Cancel();
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }
}
