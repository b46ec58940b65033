using EfficiencyDashboard.Web.Hosting;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EfficiencyDashboard.EndToEnd.Tests;

/// <summary>The app on a real Kestrel port with its own data directory, and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private readonly TemporaryDataDirectory _data = new();
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

    /// <summary>Opens a page and waits until Blazor made it interactive.</summary>
    public async Task<IPage> OpenAsync(string path)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        await page.GotoAsync(BaseUrl.TrimEnd('/') + path);
        await page.WaitForSelectorAsync("#app-ready[data-ready=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Factory?.Dispose();
        _data.Dispose();
    }
}
