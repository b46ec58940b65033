using System.Collections.Concurrent;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Hosting;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>Pushes run status and progress from the runner to subscribed pages, in process.</summary>
public sealed class RunNotifier(ILogger<RunNotifier> logger)
{
    private readonly ConcurrentDictionary<long, RunUpdate> _latest = new();
    private readonly Subscribers<RunUpdate> _subscribers = new(logger);

    /// <summary>The latest update of a run that is queued or executing in this process, if any.</summary>
    public RunUpdate? Latest(long runId) => _latest.GetValueOrDefault(runId);

    /// <summary>Whether a page follows runs now.</summary>
    public bool IsWatched => _subscribers.Any;

    public IDisposable Subscribe(Action<RunUpdate> handler) => _subscribers.Subscribe(handler);

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

        _subscribers.Publish(update);
    }
}
