using Microsoft.Playwright;

namespace EfficiencyDashboard.EndToEnd.Tests;

public sealed class DownloadsTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task An_analyst_downloads_a_filtered_dataset_from_the_downloads_page()
    {
        var page = await browser.OpenAsync("/downloads?family=ResNet");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=download-models-csv]"));
        var path = Path.Combine(BrowserSession.ScreenshotDirectory, "..", "downloads", download.SuggestedFilename);
        await download.SaveAsAsync(path);
        Directory.CreateDirectory(BrowserSession.ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "downloads.png"), FullPage = true });

        var lines = (await File.ReadAllTextAsync(path)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var catalog = System.Text.Json.Nodes.JsonNode.Parse(await browser.CreateApiClient().GetStringAsync("/api/models"))!.AsArray();
        Assert.StartsWith("models-", download.SuggestedFilename);
        Assert.EndsWith(".csv", download.SuggestedFilename);
        Assert.StartsWith("model_id,key,name,family", lines[0]);
        // Every ResNet of the catalog and nothing else: the MobileNet is filtered out.
        Assert.Equal(catalog.Count(m => (string?)m!["family"] == "ResNet"), lines.Length - 1);
        Assert.True(catalog.Count > lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Contains(",ResNet,", l));
    }
}
