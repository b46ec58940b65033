using Microsoft.Playwright;

namespace EfficiencyDashboard.EndToEnd.Tests;

public sealed class RunFromBrowserTests(BrowserSession browser) : IClassFixture<BrowserSession>
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
}
