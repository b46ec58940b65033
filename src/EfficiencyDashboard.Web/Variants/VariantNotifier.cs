using EfficiencyDashboard.Web.Hosting;

namespace EfficiencyDashboard.Web.Variants;

/// <summary>Pushes variant job progress to subscribed pages, in process.</summary>
public sealed class VariantNotifier(ILogger<VariantNotifier> logger)
{
    private readonly Subscribers<VariantJobUpdate> _subscribers = new(logger);

    /// <summary>Whether a page follows variant jobs now.</summary>
    public bool IsWatched => _subscribers.Any;

    public IDisposable Subscribe(Action<VariantJobUpdate> handler) => _subscribers.Subscribe(handler);

    public void Publish(VariantJobUpdate update) => _subscribers.Publish(update);
}
