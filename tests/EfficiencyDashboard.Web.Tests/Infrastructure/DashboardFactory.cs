using System.Net.Http.Headers;
using EfficiencyDashboard.Core.Users;
using EfficiencyDashboard.Web.Health;
using EfficiencyDashboard.Web.Models;
using EfficiencyDashboard.Web.Users;
using EfficiencyDashboard.Web.Workers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EfficiencyDashboard.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a data directory of the test's own: the web host in this process, and its runner worker in a child
/// process as in production, offering only the CPU (so GPU runs behave alike on every machine). Sign-in is on,
/// as in production: the factory adds an admin through the same service the Admin page uses, and every client it makes
/// carries that admin's API token (<see cref="CreateClientAs"/> gives other roles).
/// </summary>
/// <param name="waitForCatalog">False to get the host at once, while its worker starts and builds the catalog, as on a fresh install.</param>
/// <param name="provisionAdmin">False to start as a fresh install does: no user at all.</param>
/// <param name="logs">Where the host's log lines also go.</param>
public sealed class DashboardFactory(
    string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null, bool waitForCatalog = true, bool provisionAdmin = true,
    CapturedLogs? logs = null)
    : WebApplicationFactory<Program>
{
    public const string AdminName = "test-admin";

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

    private readonly Dictionary<string, string> _tokens = [];

    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The test admin's password, for signing in through the login page.</summary>
    public string AdminPassword { get; } = "test-admin-password-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The test admin's API token (null when the factory provisions no admin).</summary>
    public string? AdminToken => _tokens.GetValueOrDefault(AdminName);

    /// <summary>The supervised worker's state (its process id, restarts).</summary>
    public WorkerState Worker => Services.GetRequiredService<WorkerSupervisor>().State;

    /// <summary>Starts the host and, unless told otherwise, waits until its worker serves and the catalog is built, as a user would before starting runs.</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (provisionAdmin)
        {
            _tokens[AdminName] = ProvisionAsync(host.Services, AdminName, [Roles.Admin], AdminPassword).GetAwaiter().GetResult();
        }

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

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (AdminToken is { } token)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    /// <summary>A client with the token of a user who holds exactly these roles (made on first use, named after them).</summary>
    public HttpClient CreateClientAs(params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = roles.Length == 0 ? null : new AuthenticationHeaderValue("Bearer", TokenFor(roles));
        return client;
    }

    /// <summary>The user name <see cref="CreateClientAs"/> uses for these roles.</summary>
    public static string UserNameFor(params string[] roles) => roles is [Roles.Admin] ? AdminName : "test-" + string.Join("-", roles);

    public string TokenFor(params string[] roles)
    {
        _ = Services;
        var name = UserNameFor(roles);
        lock (_tokens)
        {
            if (!_tokens.TryGetValue(name, out var token))
            {
                token = ProvisionAsync(Services, name, roles, AdminPassword).GetAwaiter().GetResult();
                _tokens[name] = token;
            }

            return token;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        // Tests make many changes a minute; the rate limit has a test of its own.
        builder.UseSetting("Limits:StateChangingRequestsPerWindow", "100000");
        foreach (var (key, value) in SmallCatalog.Concat(CpuOnly))
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            // The web server stops first and waits for open connections; on a loaded machine that can use up the whole
            // shutdown budget before the supervisor stops its worker. Stopping them side by side, with a longer budget, keeps a
            // slow teardown from failing a test class that passed.
            services.Configure<HostOptions>(options =>
            {
                options.ServicesStopConcurrently = true;
                options.ShutdownTimeout = TimeSpan.FromMinutes(1);
            });
        });
        if (logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }
    }

    /// <summary>Adds the user (unless a restarted host finds it already there) and makes a token with all their roles.</summary>
    private static async Task<string> ProvisionAsync(IServiceProvider services, string name, string[] roles, string password)
    {
        var accounts = services.GetRequiredService<UserAccounts>();
        var (_, errors) = await accounts.CreateAsync(Actor.CommandLine, name, roles, password, CancellationToken.None);
        if (errors.Count > 0 && !errors.Values.SelectMany(e => e).Any(e => e.Contains("is already taken", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"The test user {name} could not be made: {string.Join(" ", errors.Values.SelectMany(e => e))}");
        }

        var (token, tokenErrors) = await services.GetRequiredService<ApiTokens>()
            .CreateAsync(Actor.CommandLine, name, "tests", roles, TimeSpan.FromDays(1), CancellationToken.None);
        return token?.Secret ?? throw new InvalidOperationException($"No token for {name}: {string.Join(" ", tokenErrors.Values.SelectMany(e => e))}");
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
