using EfficiencyDashboard.Web.Health;
using EfficiencyDashboard.Web.Models;
using EfficiencyDashboard.Web.Runs;
using EfficiencyDashboard.Web.Workers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace EfficiencyDashboard.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a data directory of the test's own: the web host in this process, and its runner worker in a child
/// process as in production, offering only the CPU (so GPU runs behave alike on every machine).
/// </summary>
/// <param name="waitForCatalog">False to get the host at once, while its worker starts and builds the catalog, as on a fresh install.</param>
public sealed class DashboardFactory(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null, bool waitForCatalog = true)
    : WebApplicationFactory<Program>
{
    /// <summary>The models the tests use; building the whole catalog would cost minutes of CPU per host.</summary>
    public static readonly IReadOnlyDictionary<string, string?> SmallCatalog = new Dictionary<string, string?>
    {
        ["Catalog:BuiltInModels:0"] = "mobilenetv2-1.0-generated",
        ["Catalog:BuiltInModels:1"] = "resnet18-pretrained",
    };

    /// <summary>The worker offers the CPU only: a CUDA run fails, or falls back, with <see cref="OfferedProviders.NotOffered"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string?> CpuOnly = new Dictionary<string, string?>
    {
        ["Runner:Providers:0"] = "cpu",
    };

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The supervised worker's state (its process id, restarts).</summary>
    public WorkerState Worker => Services.GetRequiredService<WorkerSupervisor>().State;

    /// <summary>Starts the host and, unless told otherwise, waits until its worker serves and the catalog is built, as a user would before starting runs.</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (waitForCatalog)
        {
            WaitUntil(host, () => host.Services.GetRequiredService<CatalogProgress>().Completion.IsCompleted, "the built-in catalog was built");
            if (host.Services.GetService<WorkerSupervisor>() is not null)
            {
                WaitUntil(host, () => IsReady(host), "the runner worker served its queues");
            }
        }

        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        foreach (var (key, value) in SmallCatalog.Concat(CpuOnly))
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    private static bool IsReady(IHost host) =>
        host.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(c => c.Tags.Contains(HealthEndpoints.ReadyTag)).GetAwaiter().GetResult().Status == HealthStatus.Healthy;

    private static void WaitUntil(IHost host, Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                var worker = host.Services.GetService<WorkerSupervisor>()?.State;
                throw new TimeoutException($"Not within {StartTimeout.TotalMinutes} minutes: {what}. Worker: {worker}.");
            }

            Thread.Sleep(100);
        }
    }
}
