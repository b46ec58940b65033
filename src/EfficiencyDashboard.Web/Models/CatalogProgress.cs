using EfficiencyDashboard.Web.Hosting;

namespace EfficiencyDashboard.Web.Models;

/// <summary>The catalog build's progress in the web, as the worker last wrote it; pages subscribe to its changes.</summary>
public sealed class CatalogProgress(ILogger<CatalogProgress> logger)
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Subscribers<CatalogBuildStatus> _subscribers = new(logger);
    private volatile CatalogBuildStatus _status = CatalogBuildStatus.NotStarted;

    public CatalogBuildStatus Status => _status;

    /// <summary>Completes the first time the worker reports the catalog complete.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Whether a page follows the build now.</summary>
    public bool IsWatched => _subscribers.Any;

    public IDisposable Subscribe(Action<CatalogBuildStatus> handler) => _subscribers.Subscribe(handler);

    public void Publish(CatalogBuildStatus status)
    {
        if (status == _status)
        {
            return;
        }

        _status = status;
        if (status.IsComplete)
        {
            _completion.TrySetResult();
        }

        _subscribers.Publish(status);
    }
}
