using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EfficiencyDashboard.Web.Tests.Infrastructure;

namespace EfficiencyDashboard.Web.Tests.Suites;

[Collection(DashboardCollection.Name)]
public sealed class SuiteTests : IDisposable
{
    private readonly TemporaryDataDirectory _data = new();
    private readonly DashboardFactory _factory;
    private readonly HttpClient _client;

    public SuiteTests()
    {
        _factory = new DashboardFactory(_data.Path, new Dictionary<string, string?>
        {
            ["Suites:tiny:Description"] = "MobileNetV2 and its int8-dynamic variant, twice",
            ["Suites:tiny:Models:0"] = "mobilenetv2-1.0-generated",
            ["Suites:tiny:Techniques:0"] = "none",
            ["Suites:tiny:Techniques:1"] = "int8-dynamic",
            ["Suites:tiny:BatchSizes:0"] = "1",
            ["Suites:tiny:BatchSizes:1"] = "2",
            ["Suites:tiny:Providers:0"] = "cpu",
            ["Suites:tiny:DurationSeconds"] = "0.2",
            ["Suites:tiny:MinQueries"] = "3",
            ["Suites:tiny:WarmupQueries"] = "1",
        });
        _client = _factory.CreateClient();
    }

    [Fact]
    public async Task A_suite_of_every_model_started_while_the_catalog_is_built_waits_and_measures_the_whole_catalog()
    {
        using var data = new TemporaryDataDirectory();
        using var fresh = new DashboardFactory(data.Path, new Dictionary<string, string?>
        {
            // A third, slower model (22.7 M parameters, built and analysed for a few seconds) keeps the catalog busy.
            ["Catalog:BuiltInModels:2"] = "minilm-l6-generated",
            ["Suites:all:Description"] = "Every model once",
            ["Suites:all:Techniques:0"] = "none",
            ["Suites:all:BatchSizes:0"] = "1",
            ["Suites:all:Providers:0"] = "cpu",
            ["Suites:all:DurationSeconds"] = "0.2",
            ["Suites:all:MinQueries"] = "3",
            ["Suites:all:WarmupQueries"] = "1",
        }, waitForCatalog: false);
        using var client = fresh.CreateClient();

        var response = await client.PostAsync("/api/suites/all/start", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var progress = await WaitForEndAsync(client, (await response.Content.ReadFromJsonAsync<JsonObject>())!);

        Assert.Equal("succeeded", (string?)progress["status"]);
        Assert.Equal(3, (int)progress["plannedRuns"]!);
        Assert.Equal(3, (int)progress["succeededRuns"]!);
    }

    private static async Task<JsonObject> WaitForEndAsync(HttpClient client, JsonObject start)
    {
        JsonObject progress;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        do
        {
            await Task.Delay(250);
            progress = (await client.GetFromJsonAsync<JsonObject>($"/api/suites/runs/{start["id"]}"))!;
        }
        while ((string?)progress["status"] is "queued" or "running" && DateTime.UtcNow < deadline);

        return progress;
    }

    [Fact]
    public async Task A_suite_starts_with_one_request_makes_its_variants_and_runs_every_combination()
    {
        var suites = await _client.GetFromJsonAsync<JsonArray>("/api/suites");
        Assert.Contains(suites!, s => (string?)s!["name"] == "two-year-study");
        Assert.Contains(suites!, s => (string?)s!["name"] == "tiny");

        var response = await _client.PostAsync("/api/suites/tiny/start", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var progress = await WaitForEndAsync(_client, (await response.Content.ReadFromJsonAsync<JsonObject>())!);

        Assert.Equal("succeeded", (string?)progress["status"]);
        Assert.Equal(4, (int)progress["plannedRuns"]!);
        Assert.Equal(4, (int)progress["succeededRuns"]!);
        Assert.Equal(1.0, (double)progress["progress"]!);
        var models = await _client.GetFromJsonAsync<JsonArray>("/api/models");
        Assert.Contains(models!, m => (string?)m!["technique"] == "int8-dynamic");
    }

    [Fact]
    public async Task An_unknown_suite_is_not_found()
    {
        var response = await _client.PostAsync("/api/suites/everything-everywhere/start", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("tiny", await response.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        _data.Dispose();
    }
}
