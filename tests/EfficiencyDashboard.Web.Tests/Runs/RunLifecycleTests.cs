using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Runs;
using EfficiencyDashboard.Web.Workers;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EfficiencyDashboard.Web.Tests.Runs;

[Collection(DashboardCollection.Name)]
public sealed class RunLifecycleTests(DashboardFixture app) : IClassFixture<DashboardFixture>
{
    private HttpClient Client => app.Client;

    [Fact]
    public async Task A_run_goes_from_queued_through_running_to_succeeded_with_plausible_metrics()
    {
        var modelId = await Client.ModelIdAsync("mobilenetv2-1.0-generated");
        var updates = new System.Collections.Concurrent.ConcurrentQueue<RunUpdate>();
        using var subscription = app.Factory.Services.GetRequiredService<RunNotifier>().Subscribe(updates.Enqueue);
        var id = await Client.StartRunAsync(new { modelId, executionProvider = "cpu", batchSize = 2, durationSeconds = 1.5, minQueries = 10, warmupQueries = 2 });

        var run = await Client.WaitForStatusAsync(id, "succeeded");
        // Pages hear it once the web's poller reads the row the worker wrote.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!updates.Any(u => u.RunId == id && u.Status == RunStatus.Succeeded) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var statuses = updates.Where(u => u.RunId == id).Select(u => u.Status).Distinct().ToArray();
        Assert.Equal([RunStatus.Queued, RunStatus.Running, RunStatus.Succeeded], statuses);
        Assert.Contains(updates, u => u.RunId == id && u.Phase == RunPhase.Measuring && u.Progress is > 0 and < 1);
        var result = run["result"]!;
        var p50 = (double)result["latencyP50Ms"]!;
        var p90 = (double)result["latencyP90Ms"]!;
        var p99 = (double)result["latencyP99Ms"]!;
        Assert.True(p50 > 0);
        Assert.True(p50 <= p90 && p90 <= p99 && p99 <= (double)result["latencyMaxMs"]!);
        var queries = (int)result["queryCount"]!;
        Assert.True(queries >= 10);
        Assert.Equal(queries * 2L, (long)result["sampleCount"]!);
        Assert.True((double)result["measuredSeconds"]! >= 1.5);
        Assert.Equal(queries * 2 / (double)result["measuredSeconds"]!, (double)result["throughputPerSecond"]!, 6);
        Assert.Equal("cpu", (string?)result["actualExecutionProvider"]);
        Assert.Equal("1.31.0", (string?)result["provenance"]!["onnxRuntimeVersion"]);
        Assert.Equal(1.0, (double)run["progress"]!);

        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<EfficiencyContext>>().CreateDbContextAsync();
        Assert.Equal(queries, await db.LatencySamples.CountAsync(s => s.RunId == id));
    }

    [Fact]
    public async Task Invalid_requests_get_a_problem_and_queue_nothing()
    {
        var before = await RunCountAsync();
        var modelId = await Client.ModelIdAsync("mobilenetv2-1.0-generated");

        var zeroBatch = await Client.PostAsJsonAsync("/api/runs", new { modelId, batchSize = 0 });
        var unknownModel = await Client.PostAsJsonAsync("/api/runs", new { modelId = 99_999, batchSize = 1 });
        var negativeDuration = await Client.PostAsJsonAsync("/api/runs", new { modelId, batchSize = 1, durationSeconds = -5 });
        var malformed = await Client.PostAsync("/api/runs", new StringContent("{\"modelId\": ", System.Text.Encoding.UTF8, "application/json"));

        foreach (var response in new[] { zeroBatch, unknownModel, negativeDuration, malformed })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        var problem = await zeroBatch.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains("between 1 and", (string?)problem!["errors"]!["batchSize"]![0]);
        Assert.Contains("no model with id 99999", (string?)(await unknownModel.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["modelId"]![0]);
        Assert.Equal(before, await RunCountAsync());
    }

    [Fact]
    public async Task A_pretrained_model_with_a_fixed_batch_refuses_another_batch_size()
    {
        var modelId = await Client.ModelIdAsync("resnet18-pretrained");

        var response = await Client.PostAsJsonAsync("/api/runs", new { modelId, batchSize = 8 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("fixes the batch size at 1", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Cancelling_a_running_run_stops_its_measurement_in_the_worker()
    {
        var modelId = await Client.ModelIdAsync("mobilenetv2-1.0-generated");
        var id = await Client.StartRunAsync(new { modelId, batchSize = 1, durationSeconds = 3_600 });
        await Client.WaitForRunAsync(id, r => (string?)r["phase"] == "measuring");

        var response = await Client.PostAsync($"/api/runs/{id}/cancel", null);
        // Well before the hour's window ends: the worker read the request and stopped measuring (README: within about a second).
        var run = await Client.WaitForStatusAsync(id, "cancelled", timeoutSeconds: 60);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Null(run["result"]);
        Assert.NotNull(run["finishedAtUtc"]);
    }

    [Fact]
    public async Task Cancelling_a_finished_or_unknown_run_is_refused()
    {
        var unknown = await Client.PostAsync("/api/runs/424242/cancel", null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_cuda_run_without_fallback_fails_with_the_reason_when_cuda_cannot_load()
    {
        var modelId = await Client.ModelIdAsync("mobilenetv2-1.0-generated");
        var id = await Client.StartRunAsync(new { modelId, executionProvider = "cuda", batchSize = 1, durationSeconds = 0.2 });

        var run = await Client.WaitForStatusAsync(id, "failed");

        Assert.Contains("CUDA execution provider could not be loaded", (string?)run["error"]);
        Assert.Contains(OfferedProviders.NotOffered, (string?)run["error"]);
        Assert.Null(run["result"]);
    }

    [Fact]
    public async Task A_cuda_run_with_fallback_runs_on_the_cpu_and_is_labelled_so()
    {
        var modelId = await Client.ModelIdAsync("mobilenetv2-1.0-generated");
        var id = await Client.StartRunAsync(new { modelId, executionProvider = "cuda", allowCpuFallback = true, batchSize = 1, durationSeconds = 0.2, minQueries = 3 });

        var run = await Client.WaitForStatusAsync(id, "succeeded");

        Assert.Equal("cuda", (string?)run["config"]!["executionProvider"]);
        Assert.Equal("cpu", (string?)run["result"]!["actualExecutionProvider"]);
        Assert.Contains(OfferedProviders.NotOffered, (string?)run["result"]!["fallbackReason"]);
    }

    [Fact]
    public async Task Runs_are_listed_newest_first_with_filters()
    {
        var modelId = await Client.ModelIdAsync("mobilenetv2-1.0-generated");
        var id = await Client.StartRunAsync(new { modelId, batchSize = 1, durationSeconds = 0.1, minQueries = 2 });
        await Client.WaitForStatusAsync(id, "succeeded");

        var page = await Client.GetFromJsonAsync<JsonObject>("/api/runs?status=succeeded&pageSize=5");
        var bad = await Client.GetAsync("/api/runs?status=sideways");

        Assert.All(page!["items"]!.AsArray(), r => Assert.Equal("succeeded", (string?)r!["status"]));
        Assert.Equal(id, (long)page["items"]![0]!["id"]!);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private async Task<int> RunCountAsync()
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<EfficiencyContext>>().CreateDbContextAsync();
        return await db.Runs.CountAsync();
    }
}
