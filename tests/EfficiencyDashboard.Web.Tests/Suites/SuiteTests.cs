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
    public async Task A_suite_starts_with_one_request_makes_its_variants_and_runs_every_combination()
    {
        var suites = await _client.GetFromJsonAsync<JsonArray>("/api/suites");
        Assert.Contains(suites!, s => (string?)s!["name"] == "two-year-study");
        Assert.Contains(suites!, s => (string?)s!["name"] == "tiny");

        var response = await _client.PostAsync("/api/suites/tiny/start", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var start = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        JsonObject progress;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        do
        {
            await Task.Delay(250);
            progress = (await _client.GetFromJsonAsync<JsonObject>($"/api/suites/runs/{start["id"]}"))!;
        }
        while ((string?)progress["status"] is "queued" or "running" && DateTime.UtcNow < deadline);

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
