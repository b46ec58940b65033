using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Reports.Aggregates;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EfficiencyDashboard.Web.Tests.Reports;

/// <summary>
/// The per-setting aggregates kept as results land equal a computation from scratch over the same results, after runs the
/// runner stores, a cancelled run, and a result invalidated through the API.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SettingAggregatesTests(DashboardFixture app) : IClassFixture<DashboardFixture>
{
    private HttpClient Client => app.Client;

    [Fact]
    public async Task The_aggregates_equal_a_computation_from_scratch_after_inserts_a_cancel_and_an_invalidation()
    {
        var mobileNet = await Client.ModelIdAsync("mobilenetv2-1.0-generated");
        var resNet = await Client.ModelIdAsync("resnet18-pretrained");
        foreach (var (model, batch) in new[] { (mobileNet, 1), (mobileNet, 1), (mobileNet, 2), (resNet, 1) })
        {
            var id = await Client.StartRunAsync(new { modelId = model, batchSize = batch, durationSeconds = 0.2, minQueries = 3, warmupQueries = 1 });
            await Client.WaitForStatusAsync(id, "succeeded");
        }

        await AssertEqualToScratchAsync();
        Assert.Equal(4, await SumAsync(a => a.Runs));

        var running = await Client.StartRunAsync(new { modelId = mobileNet, batchSize = 1, durationSeconds = 60, minQueries = 3, warmupQueries = 1 });
        var queued = await Client.StartRunAsync(new { modelId = resNet, batchSize = 1, durationSeconds = 0.2, minQueries = 3, warmupQueries = 1 });
        await Client.WaitForStatusAsync(running, "running");
        Assert.Equal(HttpStatusCode.Accepted, (await Client.PostAsync($"/api/runs/{queued}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Client.PostAsync($"/api/runs/{running}/cancel", null)).StatusCode);
        await Client.WaitForStatusAsync(running, "cancelled");
        await Client.WaitForStatusAsync(queued, "cancelled");

        await AssertEqualToScratchAsync();
        Assert.Equal(4, await SumAsync(a => a.Runs));

        // A VALID result (the runner's short runs are INVALID), then an engineer marks it INVALID: it moves sides.
        long valid;
        await using (var db = await CreateDbContextAsync())
        {
            var evidence = new HandMadeEvidence(db);
            var hardware = await db.Hardware.Select(h => h.Id).FirstAsync();
            valid = (await evidence.RunsAsync(mobileNet, hardware, [123.0], energyPerInferenceJ: 0.01)).Single();
        }

        Assert.Equal(1, await SumAsync(a => a.IsValid ? a.Runs : 0));
        var response = await Client.PostAsJsonAsync($"/api/runs/{valid}/invalidate", new { reason = "another process used the cores" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var validity = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False((bool)validity["isValid"]!);
        Assert.Contains($"Marked INVALID by {DashboardFactory.AdminName}: another process used the cores", (string?)validity["verdict"]);

        await AssertEqualToScratchAsync();
        Assert.Equal(0, await SumAsync(a => a.IsValid ? a.Runs : 0));
        Assert.Equal(5, await SumAsync(a => a.Runs));
    }

    [Fact]
    public async Task Invalidating_needs_a_reason_and_a_stored_result()
    {
        var modelId = await Client.ModelIdAsync("mobilenetv2-1.0-generated");
        var queued = await Client.StartRunAsync(new { modelId, batchSize = 1, durationSeconds = 60, minQueries = 3, warmupQueries = 1 });
        try
        {
            var noReason = await Client.PostAsJsonAsync($"/api/runs/{queued}/invalidate", new { reason = "  " });
            var missing = await Client.PostAsJsonAsync("/api/runs/999999/invalidate", new { reason = "x" });
            var noResult = await Client.PostAsJsonAsync($"/api/runs/{queued}/invalidate", new { reason = "x" });

            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.Equal("application/problem+json", noReason.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, noResult.StatusCode);
            Assert.Contains("has no stored result", (await noResult.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.ToString());
        }
        finally
        {
            await Client.PostAsync($"/api/runs/{queued}/cancel", null);
            await Client.WaitForRunAsync(queued, r => (string?)r["status"] is "cancelled" or "succeeded");
        }
    }

    private async Task AssertEqualToScratchAsync()
    {
        await using var db = await CreateDbContextAsync();
        var kept = await db.SettingAggregates.AsNoTracking().ToListAsync();
        var days = await db.DailyBests.AsNoTracking().ToListAsync();
        var (aggregates, dailyBests) = await SettingAggregates.ComputeFromScratchAsync(db);

        Assert.Equal(Describe(aggregates), Describe(kept));
        foreach (var row in kept)
        {
            var fresh = aggregates.Single(a => a.Key == row.Key && a.IsValid == row.IsValid);
            Assert.Equal(fresh.SumLogThroughput, row.SumLogThroughput, 9);
            Assert.Equal(fresh.SumSquaredLogThroughput, row.SumSquaredLogThroughput, 9);
            Assert.Equal(fresh.SumLogSamplesPerJoule, row.SumLogSamplesPerJoule, 9);
            Assert.Equal(fresh.MaxThroughputPerSecond, row.MaxThroughputPerSecond, 9);
        }

        Assert.Equal(
            dailyBests.Select(d => (d.ModelId, d.Day, d.IsValid, d.EnergySource, d.RunId)).Order(),
            days.Select(d => (d.ModelId, d.Day, d.IsValid, d.EnergySource, d.RunId)).Order());
    }

    /// <summary>Everything of a row but the floating-point sums, which are compared within rounding.</summary>
    private static List<string> Describe(IEnumerable<SettingAggregate> rows) =>
        [.. rows.Select(a => $"{a.Key} valid={a.IsValid} runs={a.Runs} energy={a.EnergyRuns} fastest={a.MaxThroughputRunId} " +
            $"frugal={a.MaxSamplesPerJouleRunId} {a.EnergySource} last={a.LastRunId} {a.FirstMeasuredAtUtc:O}-{a.LastMeasuredAtUtc:O}").Order()];

    private async Task<int> SumAsync(Func<SettingAggregate, int> value)
    {
        await using var db = await CreateDbContextAsync();
        return (await db.SettingAggregates.AsNoTracking().ToListAsync()).Sum(value);
    }

    private Task<EfficiencyContext> CreateDbContextAsync() =>
        app.Factory.Services.GetRequiredService<IDbContextFactory<EfficiencyContext>>().CreateDbContextAsync();
}
