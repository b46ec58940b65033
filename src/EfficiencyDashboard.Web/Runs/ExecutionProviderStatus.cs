using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Execution;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>
/// Which execution providers load where runs execute, as a worker on this host (else the most recently seen worker host)
/// found them: a worker records them on its host's hardware record, and the web never loads ONNX Runtime to find out.
/// Refreshed by the web's poller.
/// </summary>
public sealed class ExecutionProviderStatus(IDbContextFactory<EfficiencyContext> dbFactory)
{
    private volatile IReadOnlyList<ProviderAvailability> _providers = [];

    /// <summary>Empty until a worker has registered its host.</summary>
    public IReadOnlyList<ProviderAvailability> Providers => _providers;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // This host's record first: the supervised worker runs here; workers started elsewhere report their own hosts.
        var latest = await db.Hardware.AsNoTracking().OrderByDescending(h => h.MachineName == Environment.MachineName).ThenByDescending(h => h.LastSeenAtUtc)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is not null)
        {
            _providers = [.. latest.ExecutionProviders
                .Select(p => (Provider: RunRequestValidator.ParseProvider(p.Provider), p.Loads, p.Detail))
                .Where(p => p.Provider is not null)
                .Select(p => new ProviderAvailability(p.Provider!.Value, p.Loads, p.Detail))];
        }
    }
}
