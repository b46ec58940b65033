using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace EfficiencyDashboard.EndToEnd.Tests;

/// <summary>After one measured model and its variant, every page renders its charts with data and no error.</summary>
public sealed class EveryPageTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private static readonly PageWaitForSelectorOptions Long = new() { Timeout = 90_000 };

    [Fact]
    public async Task Every_page_renders_its_charts_with_data()
    {
        using var api = browser.CreateApiClient();
        var (parentRun, variantRun) = await MeasureModelAndVariantAsync(api);

        var pages = new (string Path, string[] Charts)[]
        {
            ("/", ["claims-chart"]),
            ($"/runs/{parentRun}", ["latency-histogram", "latency-timeline"]),
            ("/hardware", ["mlperf-throughput-chart", "mlperf-energy-chart", "spec-fp16-chart", "spec-bandwidth-chart"]),
            // The runs here are short, so INVALID: the report pages' switch includes them.
            ("/algorithms?invalid=include", ["algorithms-chart"]),
            ("/architectures?invalid=include", ["architecture-charts"]),
            ("/decomposition?invalid=include", ["decomposition-waterfall"]),
            ($"/compare?ids={parentRun},{variantRun}&baseline={parentRun}", ["compare-distributions", "compare-throughput"]),
            ("/models", []),
            ("/runs", []),
            ("/suites", []),
            ("/downloads", []),
        };

        Directory.CreateDirectory(BrowserSession.ScreenshotDirectory);
        foreach (var (path, charts) in pages)
        {
            var page = await browser.OpenAsync(path);
            foreach (var chart in charts)
            {
                await page.WaitForSelectorAsync($"[data-testid={chart}] .js-plotly-plot .trace", Long);
            }

            Assert.Equal(0, await page.Locator("#blazor-error-ui:visible").CountAsync());
            var name = path == "/" ? "overview" : path.Trim('/').Split('?')[0].Replace('/', '-');
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, $"page-{name}.png"), FullPage = true });
            await page.CloseAsync();
        }
    }

    private static async Task<(long Parent, long Variant)> MeasureModelAndVariantAsync(HttpClient api)
    {
        var models = await api.GetFromJsonAsync<JsonArray>("/api/models");
        var parentId = (int)models!.Single(m => (string?)m!["key"] == "mobilenetv2-1.0-generated")!["id"]!;
        var job = (await (await api.PostAsJsonAsync($"/api/models/{parentId}/variants", new { technique = "int8-static" })).Content.ReadFromJsonAsync<JsonObject>())!;
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while ((string?)job["status"] is "queued" or "running")
        {
            Assert.True(DateTime.UtcNow < deadline, $"The variant job did not finish in 5 minutes: {job}");
            await Task.Delay(250);
            job = (await api.GetFromJsonAsync<JsonObject>($"/api/models/variants/jobs/{job["id"]}"))!;
        }

        var parentRun = await RunAsync(api, parentId);
        var variantRun = await RunAsync(api, (int)job["variantId"]!);
        return (parentRun, variantRun);
    }

    private static async Task<long> RunAsync(HttpClient api, int modelId)
    {
        var accepted = (await (await api.PostAsJsonAsync("/api/runs", new { modelId, batchSize = 1, durationSeconds = 0.5, minQueries = 10 })).Content.ReadFromJsonAsync<JsonObject>())!;
        var id = (long)accepted["id"]!;
        var deadline = DateTime.UtcNow.AddMinutes(5);
        string? status;
        do
        {
            Assert.True(DateTime.UtcNow < deadline, $"Run {id} did not finish in 5 minutes.");
            await Task.Delay(200);
            status = (string?)(await api.GetFromJsonAsync<JsonObject>($"/api/runs/{id}"))!["status"];
        }
        while (status is "queued" or "running");

        Assert.Equal("succeeded", status);
        return id;
    }
}
