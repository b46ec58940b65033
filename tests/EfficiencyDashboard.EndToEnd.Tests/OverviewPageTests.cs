using Microsoft.Playwright;
using Xunit.Abstractions;

namespace EfficiencyDashboard.EndToEnd.Tests;

public sealed class OverviewPageTests(BrowserSession browser, ITestOutputHelper output) : IClassFixture<BrowserSession>
{
    private static readonly PageWaitForSelectorOptions Long = new() { Timeout = 60_000 };

    [Fact]
    public async Task A_stakeholder_sees_every_claim_with_its_verdict_the_chart_and_the_gpu_table()
    {
        var page = await browser.OpenAsync("/");

        await page.WaitForSelectorAsync("[data-testid=claims-table] tbody tr[data-claim-id]", Long);
        await page.WaitForSelectorAsync("[data-testid=claims-chart] .js-plotly-plot .trace", Long);
        Directory.CreateDirectory(BrowserSession.ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "overview.png"), FullPage = true });

        var rows = page.Locator("[data-testid=claims-table] tbody tr[data-claim-id]");
        Assert.Equal(8, await rows.CountAsync());
        for (var i = 0; i < 8; i++)
        {
            var row = rows.Nth(i);
            var verdict = await row.Locator("[data-verdict]").GetAttributeAsync("data-verdict");
            output.WriteLine($"{await row.GetAttributeAsync("data-claim-id")}: {verdict}");
            Assert.Contains(verdict, new[] { "supported", "contradicted", "not-enough-evidence" });
        }

        Assert.Equal("contradicted", await page.Locator("[data-testid=gpu-table] tr[data-gpu=A100] [data-verdict]").GetAttributeAsync("data-verdict"));
        Assert.Equal(2, await page.Locator("[data-testid=reference-headline] [data-provenance=reference]").CountAsync());
        Assert.Equal(1, await page.Locator("[data-testid=measured-headline-empty]").CountAsync());
        Assert.True(await page.Locator("[data-testid=provider-availability]").IsVisibleAsync());
        Assert.True(await page.Locator("[data-testid=recent-runs]").IsVisibleAsync());
    }
}
