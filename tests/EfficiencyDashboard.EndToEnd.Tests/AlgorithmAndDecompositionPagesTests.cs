using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using EfficiencyDashboard.Web.Tests.Variants;
using Microsoft.Playwright;

namespace EfficiencyDashboard.EndToEnd.Tests;

public sealed class AlgorithmAndDecompositionPagesTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private static readonly PageWaitForSelectorOptions Long = new() { Timeout = 60_000 };

    [Fact]
    public async Task A_stakeholder_sees_the_variant_against_its_parent_and_the_gain_split_into_factors()
    {
        using var client = browser.CreateApiClient();
        var parentId = await client.ModelIdAsync("mobilenetv2-1.0-generated");
        var job = await client.MakeVariantAsync(parentId, new { technique = "int8-static" });
        var variantId = (int)job["variantId"]!;
        // Two runs a side give the speed-up an interval; they are short, so INVALID, and the pages' switch includes them.
        foreach (var model in new[] { parentId, variantId, parentId, variantId })
        {
            var runId = await client.StartRunAsync(new { modelId = model, batchSize = 1, durationSeconds = 0.5, minQueries = 10, warmupQueries = 2 });
            await client.WaitForStatusAsync(runId, "succeeded", 120);
        }

        var algorithms = await browser.OpenAsync("/algorithms?batch=1&provider=cpu&invalid=include");
        await algorithms.WaitForSelectorAsync("[data-testid=algorithms-chart] .js-plotly-plot .scatterlayer .trace .points path", Long);
        await algorithms.WaitForSelectorAsync("[data-testid=algorithms-chart] .js-plotly-plot .scatterlayer .trace .errorbar path", Long);
        Directory.CreateDirectory(BrowserSession.ScreenshotDirectory);
        await algorithms.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "algorithms.png"), FullPage = true });

        var row = algorithms.Locator($"[data-testid=algorithms-table] tr[data-variant-id='{variantId}']");
        Assert.Equal(1, await row.CountAsync());
        Assert.StartsWith("×", await row.Locator("[data-value=speed-up]").InnerTextAsync());
        Assert.StartsWith("[", await row.Locator("[data-value=speed-up-ci]").InnerTextAsync());
        Assert.Equal("1", await algorithms.GetAttributeAsync("[data-testid=algorithms-chart]", "data-points"));

        var decomposition = await browser.OpenAsync("/decomposition?invalid=include");
        await decomposition.WaitForSelectorAsync("[data-testid=decomposition-waterfall] .js-plotly-plot .waterfalllayer path", Long);
        await decomposition.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "decomposition.png"), FullPage = true });

        Assert.Equal("true", await decomposition.GetAttributeAsync("[data-testid=decomposition-waterfall]", "data-complete"));
        Assert.Equal(8, await decomposition.Locator("[data-testid=decomposition-cells] tr[data-provenance=measured]").CountAsync());
        Assert.Contains("hardware ×1.00", await decomposition.InnerTextAsync("[data-testid=decomposition-summary]"));
        Assert.Contains("baseline=", decomposition.Url, StringComparison.Ordinal);
        Assert.Contains("invalid=include", decomposition.Url, StringComparison.Ordinal);
        Assert.Contains("MobileNetV2 1.0 (generated) (2018)", await decomposition.InnerTextAsync("[data-testid=decomposition-story]"));
    }
}
