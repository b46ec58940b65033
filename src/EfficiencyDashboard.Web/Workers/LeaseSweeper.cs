using EfficiencyDashboard.Web.Runs;

namespace EfficiencyDashboard.Web.Workers;

/// <summary>A worker's own look for lapsed leases, so work is taken back even when no web host runs (workers on other hosts).</summary>
public sealed class LeaseSweeper(RunLifecycle lifecycle, WorkLeases leases, ILogger<LeaseSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await lifecycle.ExpireLeasesAsync(stoppingToken);
                    await leases.ExpireAsync();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Looking for lapsed leases failed; trying again");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The worker is stopping.
        }
    }
}
