namespace EfficiencyDashboard.Web.Hosting;

/// <summary>
/// The pages subscribed to a stream of live updates. Subscribing, unsubscribing and publishing are thread-safe, and a
/// handler that throws is logged and skipped, so a broken page never stops the job that publishes.
/// </summary>
public sealed class Subscribers<T>(ILogger logger)
{
    private readonly Lock _gate = new();
    private volatile Action<T>[] _handlers = [];

    /// <summary>Whether any page listens now.</summary>
    public bool Any => _handlers.Length > 0;

    public IDisposable Subscribe(Action<T> handler)
    {
        lock (_gate)
        {
            _handlers = [.. _handlers, handler];
        }

        return new Subscription(this, handler);
    }

    public void Publish(T update)
    {
        foreach (var handler in _handlers)
        {
            try
            {
                handler(update);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A subscriber to {Update} failed", typeof(T).Name);
            }
        }
    }

    private void Unsubscribe(Action<T> handler)
    {
        lock (_gate)
        {
            _handlers = [.. _handlers.Where(h => h != handler)];
        }
    }

    private sealed class Subscription(Subscribers<T> subscribers, Action<T> handler) : IDisposable
    {
        public void Dispose() => subscribers.Unsubscribe(handler);
    }
}
