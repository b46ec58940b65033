using EfficiencyDashboard.Core.Runs;
using System.Collections.Concurrent;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>Pushes run status and progress from the runner to subscribed pages, in process.</summary>
public sealed class RunNotifier(ILogger<RunNotifier> logger)
{
    private readonly ConcurrentDictionary<long, RunUpdate> _latest = new();
    private readonly Lock _gate = new();
    private volatile Action<RunUpdate>[] _handlers = [];

    /// <summary>The latest update of a run that is queued or executing in this process, if any.</summary>
    public RunUpdate? Latest(long runId) => _latest.GetValueOrDefault(runId);

    public IDisposable Subscribe(Action<RunUpdate> handler)
    {
        lock (_gate)
        {
            _handlers = [.. _handlers, handler];
        }

        return new Subscription(this, handler);
    }

    public void Publish(RunUpdate update)
    {
        if (update.Status.IsFinal())
        {
            _latest.TryRemove(update.RunId, out _);
        }
        else
        {
            _latest[update.RunId] = update;
        }

        foreach (var handler in _handlers)
        {
            try
            {
                handler(update);
            }
            catch (Exception ex)
            {
                // A broken page must not stop the runner.
                logger.LogWarning(ex, "A run update subscriber failed");
            }
        }
    }

    private void Unsubscribe(Action<RunUpdate> handler)
    {
        lock (_gate)
        {
            _handlers = [.. _handlers.Where(h => h != handler)];
        }
    }

    private sealed class Subscription(RunNotifier notifier, Action<RunUpdate> handler) : IDisposable
    {
        public void Dispose() => notifier.Unsubscribe(handler);
    }
}
