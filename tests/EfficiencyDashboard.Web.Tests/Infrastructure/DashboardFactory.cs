using System.Net.Http.Headers;
using EfficiencyDashboard.Core.Users;
using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Runner.Tests.Execution;
using EfficiencyDashboard.Web.Models;
using EfficiencyDashboard.Web.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EfficiencyDashboard.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a data directory of the test's own, with GPUs behaving as absent whatever the machine. Sign-in is on,
/// as in production: the factory adds an admin through the same service the Admin page uses, and every client it makes
/// carries that admin's API token (<see cref="CreateClientAs"/> gives other roles).
/// </summary>
/// <param name="waitForCatalog">False to get the host while its catalog is still being built, as on a fresh install.</param>
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

    private readonly Dictionary<string, string> _tokens = [];

    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The test admin's password, for signing in through the login page.</summary>
    public string AdminPassword { get; } = "test-admin-password-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The test admin's API token (null when the factory provisions no admin).</summary>
    public string? AdminToken => _tokens.GetValueOrDefault(AdminName);

    /// <summary>Starts the host and waits until its catalog is built, as a user would before starting runs.</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (provisionAdmin)
        {
            _tokens[AdminName] = ProvisionAsync(host.Services, AdminName, [Roles.Admin], AdminPassword).GetAwaiter().GetResult();
        }

        if (waitForCatalog && !host.Services.GetRequiredService<CatalogBuilder>().Completion.Wait(TimeSpan.FromMinutes(3)))
        {
            throw new TimeoutException("The built-in catalog was not built within 3 minutes.");
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
        foreach (var (key, value) in SmallCatalog)
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IExecutionProviderLoader, UnavailableGpuLoader>();
            // The web server stops first and waits for open connections; on a loaded machine that can use up the whole
            // shutdown budget before the job servers stop. Stopping them side by side, with a longer budget, keeps a
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
}
