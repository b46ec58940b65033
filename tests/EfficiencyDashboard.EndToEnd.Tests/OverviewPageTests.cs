using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Web.Tests.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace EfficiencyDashboard.EndToEnd.Tests;

public sealed class OverviewPageTests(BrowserSession browser, ITestOutputHelper output) : IClassFixture<BrowserSession>
{
    private static readonly PageWaitForSelectorOptions Long = new() { Timeout = 60_000 };
    private static readonly string[] Verdicts = ["supported", "contradicted-below", "contradicted-above", "mixed", "not-enough-evidence", "contradicted"];

    [Fact]
    public async Task A_stakeholder_sees_every_claim_with_its_estimate_and_verdict_the_rule_the_chart_and_the_gpu_table()
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
            var verdict = await row.Locator("[data-verdict]").First.GetAttributeAsync("data-verdict");
            output.WriteLine($"{await row.GetAttributeAsync("data-claim-id")}: {verdict}");
            Assert.Contains(verdict, Verdicts);
        }

        Assert.Contains("each model-and-setting counts once", await page.InnerTextAsync("[data-testid=verdict-rule]"));
        Assert.Contains("VALID results only", await page.InnerTextAsync("[data-testid=run-selection]"));
        Assert.Equal("contradicted", await page.Locator("[data-testid=gpu-table] tr[data-gpu=A100] [data-verdict]").GetAttributeAsync("data-verdict"));
        Assert.Equal(2, await page.Locator("[data-testid=reference-headline] [data-provenance=reference]").CountAsync());
        Assert.Equal(1, await page.Locator("[data-testid=measured-headline-empty]").CountAsync());
        Assert.True(await page.Locator("[data-testid=provider-availability]").IsVisibleAsync());
        Assert.True(await page.Locator("[data-testid=recent-runs]").IsVisibleAsync());
    }

    [Fact]
    public async Task The_per_group_breakdown_of_a_mixed_claim_is_one_click_away()
    {
        await using (var db = await browser.Factory.Services.GetRequiredService<IDbContextFactory<EfficiencyContext>>().CreateDbContextAsync())
        {
            // Hand-made VALID results: int8 gains 2.5x on a Transformer and 1.1x on a ResNet, three runs a side each.
            var evidence = new HandMadeEvidence(db);
            var host = await db.Hardware.Select(h => h.Id).FirstAsync();
            var bert = await evidence.ModelAsync("Hand-made BERT", ModelFamily.Transformer, "text embedding");
            var bertInt8 = await evidence.ModelAsync("Hand-made BERT int8", ModelFamily.Transformer, "text embedding", parentId: bert, technique: Technique.Int8Dynamic);
            var resnet = await evidence.ModelAsync("Hand-made ResNet", ModelFamily.ResNet);
            var resnetInt8 = await evidence.ModelAsync("Hand-made ResNet int8", ModelFamily.ResNet, parentId: resnet, technique: Technique.Int8Static);
            await evidence.RunsAsync(bert, host, [100, 101, 99]);
            await evidence.RunsAsync(bertInt8, host, [250, 252, 249]);
            await evidence.RunsAsync(resnet, host, [100, 102, 98]);
            await evidence.RunsAsync(resnetInt8, host, [110, 111, 109]);
        }

        var page = await browser.OpenAsync("/");
        var quantization = page.Locator("[data-testid=claims-table] tr[data-claim-id=algorithm-quantization]");
        await quantization.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });

        Assert.Equal("mixed", await quantization.Locator("[data-verdict]").First.GetAttributeAsync("data-verdict"));
        Assert.Contains("Covers the CPU only", await quantization.InnerTextAsync());
        Assert.Equal(0, await page.Locator("[data-testid=claim-groups]").CountAsync());
        await quantization.Locator("[data-testid=groups-toggle]").ClickAsync();
        var groups = page.Locator("tr[data-details-for=algorithm-quantization] [data-testid=claim-groups] tbody tr[data-group]");
        await groups.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "overview-groups.png"), FullPage = true });

        Assert.Equal(2, await groups.CountAsync());
        Assert.Equal(["contradicted-below", "supported"], (await Task.WhenAll(Enumerable.Range(0, 2)
            .Select(i => groups.Nth(i).Locator("[data-verdict]").GetAttributeAsync("data-verdict")))).Order());
        Assert.Contains("Holds for int8 Transformer", await quantization.Locator("[data-reason]").InnerTextAsync());
    }
}
