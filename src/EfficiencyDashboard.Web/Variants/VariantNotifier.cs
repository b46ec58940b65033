namespace EfficiencyDashboard.Web.Variants;

/// <summary>Pushes variant job progress to subscribed pages, in process.</summary>
public sealed class VariantNotifier
{
    private readonly Lock _gate = new();
    private Action<VariantJobUpdate>[] _handlers = [];

    public IDisposable Subscribe(Action<VariantJobUpdate> handler)
    {
        lock (_gate)
        {
            _handlers = [.. _handlers, handler];
        }

        return new Subscription(() =>
        {
            lock (_gate)
            {
                _handlers = [.. _handlers.Where(h => h != handler)];
            }
        });
    }

    public void Publish(VariantJobUpdate update)
    {
        foreach (var handler in _handlers)
        {
            handler(update);
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
