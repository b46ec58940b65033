using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace EfficiencyDashboard.EndToEnd.Tests;

public sealed class HardwareAndArchitecturePagesTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private static readonly PageWaitForSelectorOptions Long = new() { Timeout = 90_000 };

    [Fact]
    public async Task The_hardware_page_draws_reference_trends_and_doubling_times_with_this_hosts_measured_points()
    {
        await MeasureAsync("resnet18-pretrained");
        var page = await browser.OpenAsync("/hardware?benchmark=resnet50&invalid=include");

        var throughputPoints = await page.WaitForSelectorAsync("[data-testid=mlperf-throughput-chart] .js-plotly-plot .scatterlayer .trace .points path", Long);
        await page.WaitForSelectorAsync("[data-testid=mlperf-energy-chart] .js-plotly-plot .trace", Long);
        await page.WaitForSelectorAsync("[data-testid=spec-fp16-chart] .js-plotly-plot .scatterlayer .trace .js-line", Long);
        await page.WaitForSelectorAsync("[data-testid=spec-bandwidth-chart] .js-plotly-plot .trace", Long);
        await Screenshot(page, "hardware.png");

        Assert.NotNull(throughputPoints);
        Assert.True(await page.Locator("[data-testid=mlperf-throughput-chart] .js-plotly-plot .trace").CountAsync() > 3);
        Assert.Contains("measured,", await page.Locator("[data-testid=mlperf-throughput-chart] .legend").TextContentAsync());
        Assert.Matches(@"Doubles every \d+\.\d years", await page.InnerTextAsync("[data-testid=doubling-fp16]"));
        Assert.Matches(@"Doubles every \d+\.\d years", await page.InnerTextAsync("[data-testid=doubling-bandwidth]"));
        Assert.Contains("per two years", await page.InnerTextAsync("[data-testid=two-year-gain]"));
        Assert.Contains("different model", await page.InnerTextAsync("[data-testid=measured-hosts]"));
        Assert.Equal(1, await page.Locator("[data-testid=hardware-records] tbody tr").CountAsync());
    }

    [Fact]
    public async Task The_architectures_page_plots_each_measured_model_by_family_with_a_table()
    {
        await MeasureAsync("mobilenetv2-1.0-generated");
        await MeasureAsync("resnet18-pretrained");
        // Short runs are INVALID: the switch includes them, and the table marks them.
        var page = await browser.OpenAsync("/architectures?batch=1&provider=cpu&invalid=include");

        var points = await page.WaitForSelectorAsync("[data-testid=throughput-vs-parameters] .js-plotly-plot .scatterlayer .trace .points path", Long);
        await page.WaitForSelectorAsync("[data-testid=throughput-vs-flops] .js-plotly-plot .trace", Long);
        await Screenshot(page, "architectures.png");

        Assert.NotNull(points);
        Assert.Equal(2, await page.Locator("[data-testid=throughput-vs-parameters] .js-plotly-plot .scatterlayer .trace").CountAsync());
        Assert.Equal(2, await page.Locator("[data-testid=architecture-models] tbody tr").CountAsync());
        Assert.Contains("seeded random weights", await page.InnerTextAsync("[data-testid=architectures-caveat]"));
        Assert.Equal(2, await page.Locator("[data-testid=architecture-models] [data-invalid=true]").CountAsync());
        Assert.Contains("/runs/", await page.GetAttributeAsync("[data-testid=architecture-models] tbody tr a[href^='/runs/']", "href"));
    }

    private async Task MeasureAsync(string modelKey)
    {
        using var client = browser.CreateApiClient();
        var models = await client.GetFromJsonAsync<JsonArray>("/api/models");
        var modelId = (int)models!.Single(m => (string?)m!["key"] == modelKey)!["id"]!;
        var response = await client.PostAsJsonAsync("/api/runs", new { modelId, executionProvider = "cpu", batchSize = 1, durationSeconds = 0.3, minQueries = 3, warmupQueries = 1 });
        var id = (long)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        for (var deadline = DateTime.UtcNow.AddSeconds(90); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            var status = (string?)(await client.GetFromJsonAsync<JsonObject>($"/api/runs/{id}"))!["status"];
            if (status == "succeeded")
            {
                return;
            }

            Assert.True(status is "queued" or "running", $"run {id} ended {status}");
        }

        Assert.Fail($"run {id} did not succeed in 90 s");
    }

    private static async Task Screenshot(IPage page, string name)
    {
        Directory.CreateDirectory(BrowserSession.ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, name), FullPage = true });
    }
}
