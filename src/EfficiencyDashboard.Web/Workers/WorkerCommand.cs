using EfficiencyDashboard.Web.Hosting;
using EfficiencyDashboard.Web.Placement;
using EfficiencyDashboard.Web.Runs;
using EfficiencyDashboard.Web.Storage;
using Microsoft.Extensions.Logging.Console;

namespace EfficiencyDashboard.Web.Workers;

/// <summary>
/// <c>worker [--devices cpu,gpu0] [--Key=value ...]</c>: the runner worker. It serves the device queues, builds the
/// catalog, makes variants and plans suites, and talks to the web only through the database and the job storage.
/// The web host starts one by default; started by hand (with <c>Runner:Worker</c> = none on the web) it runs on its own.
/// </summary>
public static class WorkerCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = RepositoryLayout.FindContentRoot() });
        // One line per entry, so a supervising web host can forward each with its level.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        var devices = builder.Configuration["devices"]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        builder.AddWorkerServices(serveQueues: true, devices);
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(nameof(WorkerCommand));
        var placement = host.Services.GetRequiredService<CpuPlacement>();
        if (host.Services.GetRequiredService<PlacementProblem>().Error is { } error)
        {
            logger.LogError("CPU placement: {Error}. Nothing is pinned.", error);
        }
        else if (placement.RunnerCores is { } cores)
        {
            // Before any session exists: ONNX Runtime's threads inherit the mask of the threads that start them.
            logger.LogInformation("CPU placement: pinned {Threads} threads to the runner's cores {Cores}", ThreadAffinity.PinProcess(cores), cores);
        }

        await host.PrepareWorkerAsync(repairQueue: true);
        logger.LogInformation("Worker {WorkerId} (pid {ProcessId}) serves {Devices}",
            host.Services.GetRequiredService<WorkerIdentity>().Id, Environment.ProcessId,
            string.Join(", ", host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RunnerOptions>>().Value.ServedDevices));
        await host.RunAsync();
        return 0;
    }
}
