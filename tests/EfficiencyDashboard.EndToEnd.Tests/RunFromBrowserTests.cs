using Microsoft.Playwright;

namespace EfficiencyDashboard.EndToEnd.Tests;

public sealed partial class RunFromBrowserTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private static readonly PageWaitForSelectorOptions Long = new() { Timeout = 90_000 };

    [Fact]
    public async Task An_engineer_starts_a_run_from_the_form_and_sees_its_latency_charts()
    {
        var page = await browser.OpenAsync("/runs");

        await page.FillAsync("#run-batch-input", "2");
        await page.FillAsync("#run-duration-input", "2");
        await page.FillAsync("#run-min-queries-input", "20");
        await page.FillAsync("#run-warmup-input", "2");
        await page.ClickAsync("[data-testid=run-start]");

        await page.WaitForSelectorAsync("[data-testid=run-status][data-status=succeeded]", Long);
        var histogramBars = await page.WaitForSelectorAsync("[data-testid=latency-histogram] .js-plotly-plot .trace.bars path", Long);
        var timelinePoints = await page.WaitForSelectorAsync("[data-testid=latency-timeline] .js-plotly-plot .scatterlayer .trace .points path", Long);
        Directory.CreateDirectory(BrowserSession.ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "run-detail.png"), FullPage = true });

        Assert.NotNull(histogramBars);
        Assert.NotNull(timelinePoints);
        Assert.Matches(@"/runs/\d+$", page.Url);
        Assert.NotNull(await page.WaitForSelectorAsync("[data-testid=run-host-contention][data-measured=true] [data-fact=host-contention-cores]", Long));
        Assert.Equal("2", await page.InnerTextAsync("[data-fact=batch-size] td"));
        var p50 = await page.InnerTextAsync("[data-metric=latencyP50Ms] [data-value]");
        Assert.True(double.Parse(p50, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task An_invalid_batch_size_is_refused_next_to_the_field_and_nothing_is_queued()
    {
        var page = await browser.OpenAsync("/runs");
        var rowsBefore = await page.Locator("[data-testid=runs-table] tbody tr[data-run-id]").CountAsync();

        await page.FillAsync("#run-batch-input", "0");
        await page.ClickAsync("[data-testid=run-start]");

        await page.WaitForSelectorAsync("[data-testid=run-batch] .mud-input-error");
        var message = await page.InnerTextAsync("[data-testid=run-batch] .mud-input-helper-text");
        Assert.Contains("Batch size must be between 1 and", message);
        Assert.EndsWith("/runs", page.Url);
        Assert.Equal(rowsBefore, await page.Locator("[data-testid=runs-table] tbody tr[data-run-id]").CountAsync());
    }

    [Fact]
    public async Task An_engineer_starts_a_server_run_and_sees_its_validity_bound_and_why_energy_was_not_measured()
    {
        var page = await browser.OpenAsync("/runs");

        await ChooseScenarioAsync(page, "server");
        await page.FillAsync("#run-target-qps-input", "20");
        await page.FillAsync("#run-latency-bound-input", "5000");
        await page.FillAsync("#run-duration-input", "2");
        await page.FillAsync("#run-min-queries-input", "20");
        await page.FillAsync("#run-warmup-input", "2");
        await page.ClickAsync("[data-testid=run-start]");

        await page.WaitForSelectorAsync("[data-testid=run-status][data-status=succeeded]", Long);
        var validity = await page.WaitForSelectorAsync("[data-testid=run-validity]", Long);
        var server = await page.WaitForSelectorAsync("[data-testid=run-server]", Long);
        var energy = await page.WaitForSelectorAsync("[data-testid=run-energy]", Long);
        await page.WaitForSelectorAsync("[data-testid=run-hardware] [data-fact=hardware-cpu]", Long);
        Directory.CreateDirectory(BrowserSession.ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "run-detail-server.png"), FullPage = true });

        Assert.Matches(@"\b(VALID|INVALID)\b", await validity!.InnerTextAsync());
        Assert.Equal("server", (await page.InnerTextAsync("[data-fact=scenario] td")).Split(' ')[0]);
        Assert.Equal("true", await server!.GetAttributeAsync("data-bound-held"));
        Assert.Contains("bound held", await server.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("20.0", await page.InnerTextAsync("[data-testid=run-server] [data-fact=target-qps] [data-value]"));
        // This machine has neither NVML nor RAPL: the panel says so and why, and shows no zero.
        Assert.Equal("false", await energy!.GetAttributeAsync("data-measured"));
        Assert.Contains("not measured", await energy.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrWhiteSpace(await page.InnerTextAsync("[data-testid=run-energy] [data-testid=energy-reason]")));
        Assert.Equal(0, await page.Locator("[data-testid=run-energy] [data-fact=energy-per-inference-j]").CountAsync());
        await page.WaitForSelectorAsync("[data-testid=run-telemetry] [data-fact=process-peak-rss-mib]");
    }

    [Fact]
    public async Task A_server_run_without_a_target_rate_is_refused_next_to_the_field_and_nothing_is_queued()
    {
        var page = await browser.OpenAsync("/runs");
        var rowsBefore = await page.Locator("[data-testid=runs-table] tbody tr[data-run-id]").CountAsync();

        await ChooseScenarioAsync(page, "server");
        await page.FillAsync("#run-latency-bound-input", "5000");
        await page.ClickAsync("[data-testid=run-start]");

        await page.WaitForSelectorAsync("[data-testid=run-target-qps] .mud-input-error");
        var message = await page.InnerTextAsync("[data-testid=run-target-qps] .mud-input-helper-text");
        Assert.Contains("target rate", message);
        Assert.Equal(0, await page.Locator("[data-testid=run-latency-bound] .mud-input-error").CountAsync());
        Assert.EndsWith("/runs", page.Url);
        Assert.Equal(rowsBefore, await page.Locator("[data-testid=runs-table] tbody tr[data-run-id]").CountAsync());
    }

    private static async Task ChooseScenarioAsync(IPage page, string scenario)
    {
        await page.ClickAsync("[data-testid=run-scenario] .mud-select");
        await page.ClickAsync($"[data-testid=run-scenario-option-{scenario}]");
        await page.WaitForSelectorAsync("#run-target-qps-input");
    }
}
