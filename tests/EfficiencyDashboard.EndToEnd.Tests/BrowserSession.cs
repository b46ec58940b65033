using System.Net.Http.Headers;
using EfficiencyDashboard.Core.Users;
using EfficiencyDashboard.Web.Hosting;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EfficiencyDashboard.EndToEnd.Tests;

/// <summary>
/// The app on a real Kestrel port with its own data directory, and Debian's Chromium driven by Playwright. Pages open in
/// a browser context signed in as the test admin through the login page, as a person would; scripts use API tokens.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private readonly TemporaryDataDirectory _data = new();
    private readonly Dictionary<string, IBrowserContext> _contexts = [];
    private IPlaywright? _playwright;

    public DashboardFactory Factory { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Where screenshots go: TestResults/screenshots at the repository root, kept as test artifacts.</summary>
    public static string ScreenshotDirectory => Path.Combine(RepositoryLayout.FindContentRoot(), "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Factory = new DashboardFactory(_data.Path);
        Factory.UseKestrel(0);
        Factory.StartServer();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>Opens a page as the test admin and waits until Blazor made it interactive.</summary>
    public Task<IPage> OpenAsync(string path) => OpenAsAsync([Roles.Admin], path);

    /// <summary>Opens a page signed in as a user with exactly these roles (none: not signed in).</summary>
    public async Task<IPage> OpenAsAsync(string[] roles, string path)
    {
        var context = await ContextAsync(roles);
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl.TrimEnd('/') + path);
        await WaitUntilInteractiveAsync(page);
        return page;
    }

    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.WaitForSelectorAsync("#app-ready[data-ready=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

    /// <summary>A browser context (its own cookies) signed in through the login page; the same one for the same roles.</summary>
    public async Task<IBrowserContext> ContextAsync(string[] roles)
    {
        var key = string.Join(",", roles);
        if (_contexts.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        if (roles.Length > 0)
        {
            Factory.TokenFor(roles);
            await SignInAsync(context, DashboardFactory.UserNameFor(roles), Factory.AdminPassword);
        }

        _contexts[key] = context;
        return context;
    }

    public async Task SignInAsync(IBrowserContext context, string userName, string password)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl.TrimEnd('/') + "/account/login");
        await WaitUntilInteractiveAsync(page);
        await page.FillAsync("#login-user", userName);
        await page.FillAsync("#login-password", password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForSelectorAsync("[data-testid=signed-in-user]");
        await page.CloseAsync();
    }

    /// <summary>An HTTP client as a script would use: the API with a bearer token of a user with these roles (admin by default).</summary>
    public HttpClient CreateApiClient(params string[] roles)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Factory.TokenFor(roles.Length == 0 ? [Roles.Admin] : roles));
        return client;
    }

    public async Task DisposeAsync()
    {
        // The browser closes its contexts with it. Closing them one by one first would let each page's unload send Blazor's
        // disconnect beacon, which the closing browser then cuts mid-request, and the server waits for it until its
        // shutdown timeout.
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Factory is not null)
        {
            // Awaited, not blocked on: the host's shutdown needs thread-pool threads that a blocking Dispose would hold.
            await Factory.DisposeAsync();
        }

        _data.Dispose();
    }
}
