namespace EfficiencyDashboard.Web.Placement;

/// <summary>Pins the web host's threads to the cores the runner does not measure on, before the server starts.</summary>
public sealed class WebPlacement(CpuPlacement placement, PlacementProblem problem, ILogger<WebPlacement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (problem.Error is { } error)
        {
            logger.LogError("CPU placement: {Error}. Nothing is pinned.", error);
        }
        else if (placement.WebCores is { } cores)
        {
            var threads = ThreadAffinity.PinProcess(cores);
            logger.LogInformation("CPU placement: {Placement} ({Threads} web threads pinned)", placement.Description, threads);
        }
        else
        {
            logger.LogInformation("CPU placement: {Placement}", placement.Description);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
