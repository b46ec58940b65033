using System.Text.RegularExpressions;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace EfficiencyDashboard.EndToEnd.Tests;

public sealed class CompareAndExplorerTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private static readonly PageWaitForSelectorOptions Long = new() { Timeout = 60_000 };

    [Fact]
    public async Task An_engineer_picks_runs_in_the_explorer_and_compares_them_side_by_side()
    {
        using var client = browser.CreateApiClient();
        var mobileNet = await client.ModelIdAsync("mobilenetv2-1.0-generated");
        var resNet = await client.ModelIdAsync("resnet18-pretrained");
        var first = await client.StartRunAsync(new { modelId = mobileNet, executionProvider = "cpu", batchSize = 1, durationSeconds = 0.3, minQueries = 5, warmupQueries = 1 });
        var second = await client.StartRunAsync(new { modelId = resNet, executionProvider = "cpu", batchSize = 1, durationSeconds = 0.3, minQueries = 5, warmupQueries = 1 });
        await client.WaitForStatusAsync(first, "succeeded");
        await client.WaitForStatusAsync(second, "succeeded");

        var page = await browser.OpenAsync("/compare");
        await page.WaitForSelectorAsync($"[data-testid=run-explorer] tr[data-run-id='{second}']", Long);
        await page.ClickAsync($"[data-testid=run-explorer] tr[data-run-id='{first}'] input[type=checkbox]");
        await page.ClickAsync($"[data-testid=run-explorer] tr[data-run-id='{second}'] input[type=checkbox]");
        await page.WaitForSelectorAsync("[data-testid=run-explorer-compare]:has-text('(2)')");
        await page.ClickAsync("[data-testid=run-explorer-compare]");

        await page.WaitForURLAsync(new Regex($@"/compare\?ids={first},{second}&baseline={first}$"));
        await page.WaitForSelectorAsync("[data-testid=compare-metrics] tr[data-metric=latencyP50Ms]", Long);
        await page.WaitForFunctionAsync(
            "() => (document.querySelector('[data-testid=compare-distributions] .js-plotly-plot')?.data?.length ?? 0) >= 2",
            null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        await page.WaitForSelectorAsync("[data-testid=compare-throughput] .js-plotly-plot .trace.bars path", Long);
        Directory.CreateDirectory(BrowserSession.ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "compare.png"), FullPage = true });

        var traces = await page.EvaluateAsync<int>("() => document.querySelector('[data-testid=compare-distributions] .js-plotly-plot').data.length");
        Assert.Equal(2, traces);
        Assert.Equal(1, await page.Locator($"[data-testid=compare-metrics] th[data-run-id='{first}'] [data-testid=compare-baseline-mark]").CountAsync());
        Assert.Equal(0, await page.Locator($"[data-testid=compare-metrics] th[data-run-id='{second}'] [data-testid=compare-baseline-mark]").CountAsync());
        var p50 = await page.InnerTextAsync($"[data-testid=compare-metrics] tr[data-metric=latencyP50Ms] td[data-run-id='{first}'] [data-value]");
        Assert.True(double.Parse(p50, System.Globalization.CultureInfo.InvariantCulture) > 0);
        var ratio = await page.GetAttributeAsync($"[data-testid=compare-metrics] tr[data-metric=throughputPerSecond] td[data-run-id='{second}'] [data-ratio]", "data-ratio");
        Assert.True(double.Parse(ratio!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(0, await page.Locator($"[data-testid=compare-metrics] tr[data-metric=throughputPerSecond] td[data-run-id='{first}'] [data-ratio]").CountAsync());
    }

    [Fact]
    public async Task Fewer_than_two_runs_get_a_clear_message_and_the_explorer()
    {
        var page = await browser.OpenAsync("/compare?ids=abc");

        await page.WaitForSelectorAsync("[data-testid=compare-invalid]");
        await page.WaitForSelectorAsync("[data-testid=run-explorer]");
        Assert.Contains("'abc' is not a run id.", await page.InnerTextAsync("[data-testid=compare-invalid]"));
    }
}
