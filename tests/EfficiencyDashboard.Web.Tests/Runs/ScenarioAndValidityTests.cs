using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EfficiencyDashboard.Web.Tests.Runs;

[Collection(DashboardCollection.Name)]
public sealed class ScenarioAndValidityTests(DashboardFixture app) : IClassFixture<DashboardFixture>
{
    private HttpClient Client => app.Client;

    [Fact]
    public async Task A_server_run_reports_p99_against_its_bound_from_poisson_arrivals()
    {
        var modelId = await Client.ModelIdAsync("mobilenetv2-1.0-generated");
        var id = await Client.StartRunAsync(new { modelId, scenario = "server", targetQps = 20, latencyBoundMs = 5000, durationSeconds = 1, minQueries = 10 });

        var run = await Client.WaitForStatusAsync(id, "succeeded");

        var result = run["result"]!;
        Assert.Equal("server", (string?)run["config"]!["scenario"]);
        Assert.Equal("p99", (string?)result["headlinePercentile"]);
        var server = result["server"]!;
        Assert.Equal(20, (double)server["targetQps"]!);
        Assert.True((double)server["achievedQps"]! > 0);
        // Whether the bound held is p99 (queueing included) against the bound, whatever this machine's speed.
        Assert.Equal((double)result["latencyP99Ms"]! <= 5000, (bool)server["boundHeld"]!);
    }

    [Fact]
    public async Task An_offline_run_issues_its_sample_set_at_once_and_reports_throughput()
    {
        var modelId = await Client.ModelIdAsync("mobilenetv2-1.0-generated");
        // An expected 40 samples/s for 0.5 s, plus LoadGen's 10%: 22 samples, in 6 batches of 4.
        var id = await Client.StartRunAsync(new { modelId, scenario = "offline", batchSize = 4, durationSeconds = 0.5, minQueries = 4, targetQps = 40 });

        var run = await Client.WaitForStatusAsync(id, "succeeded");

        var result = run["result"]!;
        Assert.Null((string?)result["headlinePercentile"]);
        Assert.Equal(24, (long)result["sampleCount"]!);
        Assert.Equal(40, (double)run["config"]!["targetQps"]!);
        Assert.Equal(24 / (double)result["measuredSeconds"]!, (double)result["throughputPerSecond"]!, 1e-6);
    }

    [Fact]
    public async Task A_short_run_is_invalid_with_its_reasons_and_energy_says_why_it_was_not_measured()
    {
        var modelId = await Client.ModelIdAsync("mobilenetv2-1.0-generated");
        // The settings decide the verdict, not this machine's speed: the window ends at exactly five queries, far below
        // the strict preset's 1,024, and five queries of MobileNetV2 take nowhere near its 600 s.
        var id = await Client.StartRunAsync(new { modelId, durationSeconds = 0, minQueries = 5, warmupQueries = 1, preset = "strict" });

        var run = await Client.WaitForStatusAsync(id, "succeeded");

        var result = run["result"]!;
        Assert.Equal(5, (int)result["queryCount"]!);
        Assert.False((bool)result["validity"]!["isValid"]!);
        var checks = result["validity"]!["reasons"]!.AsArray().Select(r => (string?)r!["check"]).ToList();
        Assert.Contains("too-little-warmup", checks);
        Assert.Contains("too-short", checks);
        Assert.Contains("too-few-queries", checks);
        Assert.True(result["energyPerInferenceJ"] is null);
        Assert.False(string.IsNullOrWhiteSpace((string?)result["energyReason"]));
        Assert.Equal("none", (string?)result["energySource"]);
        Assert.Equal("none", (string?)result["energyScope"]);
        // Other work on the runner's cores is recorded with the cores it covers, here every core this process may use.
        var contention = result["hostContention"]!;
        Assert.False(string.IsNullOrWhiteSpace((string?)contention["runnerCores"]));
        Assert.Equal((string?)contention["runnerCores"], (string?)result["provenance"]!["runnerCores"]);
        Assert.True((double)contention["otherCores"]! >= 0);
        // The runner measures in its worker process, and names the supervising web process as a source of its own.
        Assert.Contains("The web host runs in its own process", (string?)contention["note"]);
        Assert.True((double)contention["webCores"]! >= 0);
        Assert.Equal(checks.Contains("host-busy"), (bool)result["hostBusy"]!);
        Assert.True((double)result["latencyP999Ms"]! >= (double)result["latencyP99Ms"]!);
        Assert.True((long)result["telemetry"]!["processPeakRssBytes"]! > 0);
    }

    [Fact]
    public async Task Runs_link_to_the_detected_hardware_which_records_the_providers_that_load()
    {
        var modelId = await Client.ModelIdAsync("mobilenetv2-1.0-generated");
        var id = await Client.StartRunAsync(new { modelId, durationSeconds = 0.1, minQueries = 2 });
        var run = await Client.WaitForStatusAsync(id, "succeeded");

        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<EfficiencyContext>>().CreateDbContextAsync();
        var hardware = await db.Hardware.SingleAsync();
        Assert.Equal(hardware.Id, (int?)run["config"]!["hardwareId"]);
        Assert.Contains(hardware.ExecutionProviders, p => p.Provider == "cpu" && p.Loads);
        Assert.Contains(hardware.ExecutionProviders, p => p.Provider == "cuda");
        Assert.False(string.IsNullOrWhiteSpace(hardware.CpuModel));
    }

    [Fact]
    public async Task A_server_run_without_a_rate_is_refused()
    {
        var modelId = await Client.ModelIdAsync("mobilenetv2-1.0-generated");

        var response = await Client.PostAsJsonAsync("/api/runs", new { modelId, scenario = "server" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(problem!["errors"]!["targetQps"]);
    }
}
