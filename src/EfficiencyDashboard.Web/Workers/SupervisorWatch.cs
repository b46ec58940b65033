using EfficiencyDashboard.Web.Hosting;

namespace EfficiencyDashboard.Web.Workers;

/// <summary>A supervised worker stops (gracefully, handing its runs back) when the web host that started it is gone.</summary>
public sealed class SupervisorWatch(IHostApplicationLifetime lifetime, ILogger<SupervisorWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var parent = Signals.ParentProcessId();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (Signals.ParentProcessId() != parent)
                {
                    logger.LogWarning("The web host (pid {ParentId}) that supervised this worker is gone; stopping", parent);
                    lifetime.StopApplication();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The worker is stopping.
        }
    }
}
