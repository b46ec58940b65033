using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Runner.Telemetry;
using EfficiencyDashboard.Web.Hardware;
using EfficiencyDashboard.Web.Hosting;
using EfficiencyDashboard.Web.Models;
using EfficiencyDashboard.Web.Runs;
using EfficiencyDashboard.Web.Suites;
using EfficiencyDashboard.Web.Variants;
using Hangfire;

namespace EfficiencyDashboard.Web.Workers;

public static class WorkerServices
{
    /// <summary>
    /// A runner worker: ONNX Runtime, the catalog build, the run, variant and suite jobs, and its heartbeat. With
    /// <paramref name="serveQueues"/> it serves the device queues (one job at a time each) and sweeps lapsed leases; the
    /// headless mode leaves both off and executes only its own runs.
    /// </summary>
    /// <param name="devices">The device queues to serve, when the command line names them (<c>--devices cpu,gpu0</c>); else <c>Runner:Devices</c>.</param>
    public static void AddWorkerServices(this IHostApplicationBuilder builder, bool serveQueues, IReadOnlyList<string>? devices = null)
    {
        builder.AddSharedServices();
        var services = builder.Services;
        var runner = builder.Configuration.GetSection(RunnerOptions.SectionName).Get<RunnerOptions>() ?? new RunnerOptions();
        if (devices is { Count: > 0 })
        {
            runner.Devices = [.. devices];
            services.PostConfigure<RunnerOptions>(options => options.Devices = [.. devices]);
        }

        var worker = new WorkerIdentity(string.IsNullOrWhiteSpace(runner.WorkerId) ? WorkerIdentity.NewId() : runner.WorkerId);
        services.AddSingleton(worker);
        services.AddSingleton<IExecutionProviderLoader, OfferedProviders>();
        services.AddSingleton<INvml>(Nvml.Shared);
        services.AddSingleton(new RaplEnergyMeter());
        services.AddSingleton<HardwareRegistry>();
        // The web process the contention figures name apart: the supervising web host passes its id (Runner:WebProcessId).
        services.AddSingleton(new HostContentionMeter(new ContentionSources(Math.Max(runner.WebProcessId, 0))));
        services.AddSingleton(sp => new InferenceBenchmark(
            sp.GetRequiredService<IExecutionProviderLoader>(), sp.GetRequiredService<INvml>(), sp.GetRequiredService<RaplEnergyMeter>(),
            sp.GetRequiredService<HostContentionMeter>()));
        services.AddSingleton<ModelInputs>();
        services.AddSingleton<RunnerCores>();
        services.AddSingleton<ExecutingRuns>();
        services.AddSingleton<RunMeasurement>();
        services.AddTransient<RunJob>();
        services.AddTransient<VariantBuildJob>();
        services.AddTransient<SuiteJob>();
        services.AddSingleton<CatalogBuilder>();
        services.AddHostedService(sp => sp.GetRequiredService<CatalogBuilder>());
        // Before the job servers: hosted services stop in reverse order, so the heartbeat outlives the jobs it reports.
        services.AddHostedService<WorkerHeartbeat>();
        if (!serveQueues)
        {
            return;
        }

        services.AddHostedService<LeaseSweeper>();
        if (runner.Supervised)
        {
            services.AddHostedService<SupervisorWatch>();
        }

        foreach (var device in runner.ServedDevices)
        {
            services.AddHangfireServer(options =>
            {
                options.ServerName = $"{worker.Id}/{device}";
                options.Queues = [device];
                options.WorkerCount = 1;
                options.SchedulePollingInterval = runner.QueuePollInterval;
                options.CancellationCheckInterval = TimeSpan.FromSeconds(1);
            });
        }
    }
}
