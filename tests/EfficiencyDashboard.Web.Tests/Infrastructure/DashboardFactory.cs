using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Runner.Tests.Execution;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using EfficiencyDashboard.Web.Models;

namespace EfficiencyDashboard.Web.Tests.Infrastructure;

/// <summary>The real app on a data directory of the test's own, with GPUs behaving as absent whatever the machine.</summary>
/// <param name="waitForCatalog">False to get the host while its catalog is still being built, as on a fresh install.</param>
public sealed class DashboardFactory(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null, bool waitForCatalog = true)
    : WebApplicationFactory<Program>
{
    /// <summary>The models the tests use; building the whole catalog would cost minutes of CPU per host.</summary>
    public static readonly IReadOnlyDictionary<string, string?> SmallCatalog = new Dictionary<string, string?>
    {
        ["Catalog:BuiltInModels:0"] = "mobilenetv2-1.0-generated",
        ["Catalog:BuiltInModels:1"] = "resnet18-pretrained",
    };

    public string DataDirectory { get; } = dataDirectory;

    /// <summary>Starts the host and waits until its catalog is built, as a user would before starting runs.</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (waitForCatalog && !host.Services.GetRequiredService<CatalogBuilder>().Completion.Wait(TimeSpan.FromMinutes(3)))
        {
            throw new TimeoutException("The built-in catalog was not built within 3 minutes.");
        }

        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        foreach (var (key, value) in SmallCatalog)
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<IExecutionProviderLoader, UnavailableGpuLoader>());
    }
}
