using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EfficiencyDashboard.Core.Users;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Parquet;

namespace EfficiencyDashboard.EndToEnd.Tests;

/// <summary>The product's people in a real browser: a stakeholder reads, an engineer runs, an analyst downloads, an admin adds users.</summary>
public sealed class AccessFromBrowserTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private static readonly PageWaitForSelectorOptions Long = new() { Timeout = 90_000 };

    [Fact]
    public async Task A_viewer_reads_the_reports_and_sees_no_start_upload_or_cancel_control()
    {
        using var admin = browser.CreateApiClient();
        var modelId = await admin.ModelIdAsync("mobilenetv2-1.0-generated");
        // A long run, so it is still going while the viewer looks; cancelled afterwards.
        var runId = await admin.StartRunAsync(new { modelId, batchSize = 1, durationSeconds = 600, minQueries = 3 });
        string[] viewer = [Roles.Viewer];

        var overview = await browser.OpenAsAsync(viewer, "/");
        await overview.WaitForSelectorAsync("[data-testid=claims-chart] .js-plotly-plot .trace", Long);
        var runs = await browser.OpenAsAsync(viewer, "/runs");
        await runs.WaitForSelectorAsync($"[data-testid=runs-table] tr[data-run-id='{runId}']");
        Assert.Equal(0, await runs.Locator("[data-testid=run-start]").CountAsync());
        Assert.Equal(0, await runs.Locator("[data-testid=run-cancel]").CountAsync());
        var run = await browser.OpenAsAsync(viewer, $"/runs/{runId}");
        await run.WaitForSelectorAsync("[data-testid=run-status]");
        Assert.Equal(0, await run.Locator("[data-testid=run-cancel]").CountAsync());
        var models = await browser.OpenAsAsync(viewer, $"/models?modelId={modelId}");
        await models.WaitForSelectorAsync("[data-testid=model-details]");
        Assert.Equal(0, await models.Locator("[data-testid=model-upload]").CountAsync());
        Assert.Equal(0, await models.Locator("[data-testid=variant-form]").CountAsync());
        Assert.Equal(0, await models.Locator("[data-testid=classify-save]").CountAsync());
        var suites = await browser.OpenAsAsync(viewer, "/suites");
        await suites.WaitForSelectorAsync("[data-testid=suite-two-year-study]");
        Assert.Equal(0, await suites.Locator("[data-testid^=suite-start-]").CountAsync());
        var downloads = await browser.OpenAsAsync(viewer, "/downloads");
        await downloads.WaitForSelectorAsync("[data-testid=downloads-need-analyst]");
        Assert.Equal(0, await downloads.Locator("[data-testid^=download-runs-]").CountAsync());
        Directory.CreateDirectory(BrowserSession.ScreenshotDirectory);
        await runs.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "viewer-runs.png"), FullPage = true });

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/runs/{runId}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task An_engineer_starts_a_run_from_the_form_and_follows_it_to_its_result()
    {
        var page = await browser.OpenAsAsync([Roles.Engineer], "/runs");

        await page.FillAsync("#run-batch-input", "2");
        await page.FillAsync("#run-duration-input", "1");
        await page.FillAsync("#run-min-queries-input", "10");
        await page.FillAsync("#run-warmup-input", "2");
        await page.ClickAsync("[data-testid=run-start]");

        await page.WaitForSelectorAsync("[data-testid=run-status][data-status=succeeded]", Long);
        await page.WaitForSelectorAsync("[data-testid=audit-trail] tr[data-action=run-queued]");
        Assert.Matches(@"/runs/\d+$", page.Url);
        Assert.Contains($"by {DashboardFactory.UserNameFor(Roles.Engineer)}", await page.InnerTextAsync("[data-testid=run-created-by]"));
        await page.WaitForSelectorAsync("[data-metric=latencyP50Ms] [data-value]", Long);
    }

    [Fact]
    public async Task An_analyst_downloads_parquet_from_the_page_and_then_the_same_with_a_token_from_a_script()
    {
        using var admin = browser.CreateApiClient();
        var modelId = await admin.ModelIdAsync("mobilenetv2-1.0-generated");
        var runId = await admin.StartRunAsync(new { modelId, batchSize = 1, durationSeconds = 0.2, minQueries = 3 });
        await admin.WaitForRunAsync(runId, r => (string?)r["status"] is "succeeded" or "failed");
        var page = await browser.OpenAsAsync([Roles.Analyst], "/downloads");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=download-runs-parquet]"));
        var fromPage = await File.ReadAllBytesAsync(await download.PathAsync());
        using var script = browser.CreateApiClient(Roles.Analyst);
        var fromScript = await script.GetByteArrayAsync("/api/exports/runs.parquet");

        var (pageColumns, pageRows) = await ReadAsync(fromPage);
        var (scriptColumns, scriptRows) = await ReadAsync(fromScript);
        Assert.Contains("created_by", pageColumns);
        Assert.Equal(pageColumns, scriptColumns);
        Assert.Equal(pageRows, scriptRows);
        Assert.True(pageRows >= 1);
        using var viewerScript = browser.CreateApiClient(Roles.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerScript.GetAsync("/api/exports/runs.parquet")).StatusCode);
    }

    [Fact]
    public async Task The_admin_adds_a_user_whose_made_password_signs_them_in_with_their_role()
    {
        var page = await browser.OpenAsync("/admin");

        await page.FillAsync("#new-user-name", "dana");
        await page.ClickAsync("[data-testid=new-user-role-engineer] input");
        await page.ClickAsync("[data-testid=new-user-create]");
        var password = await (await page.WaitForSelectorAsync("[data-testid=created-password]"))!.InnerTextAsync();
        await page.WaitForSelectorAsync("[data-testid=users-table] tr[data-user=dana][data-roles='viewer,engineer']");
        Directory.CreateDirectory(BrowserSession.ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "admin.png"), FullPage = true });

        await using var dana = await browser.Browser.NewContextAsync();
        await browser.SignInAsync(dana, "dana", password.Trim());
        var runs = await dana.NewPageAsync();
        await runs.GotoAsync(browser.BaseUrl.TrimEnd('/') + "/runs");
        await BrowserSession.WaitUntilInteractiveAsync(runs);
        Assert.Equal("dana", await runs.InnerTextAsync("[data-testid=signed-in-user]"));
        Assert.Equal(1, await runs.Locator("[data-testid=run-start]").CountAsync());
        var me = await (await browser.CreateApiClient().GetAsync("/api/users")).Content.ReadFromJsonAsync<JsonArray>();
        Assert.Contains(me!, u => (string?)u!["name"] == "dana");
    }

    private static async Task<(string[] Columns, long Rows)> ReadAsync(byte[] bytes)
    {
        await using var stream = new MemoryStream(bytes);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var rows = Enumerable.Range(0, reader.RowGroupCount).Sum(i => reader.OpenRowGroupReader(i).RowCount);
        return ([.. reader.Schema.GetDataFields().Select(f => f.Name)], rows);
    }
}
