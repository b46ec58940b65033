using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Core.Users;
using EfficiencyDashboard.Web.Tests.Infrastructure;

namespace EfficiencyDashboard.Web.Tests.Access;

/// <summary>Each user's queue has a cap, engineers cancel only their own runs, and a suite does not start twice at once.</summary>
[Collection(DashboardCollection.Name)]
public sealed class QuotaAndOwnershipTests : IDisposable
{
    private readonly TemporaryDataDirectory _data = new();
    private readonly DashboardFactory _factory;

    public QuotaAndOwnershipTests()
    {
        _factory = new DashboardFactory(_data.Path, new Dictionary<string, string?>
        {
            // Nothing executes, so queued runs stay queued for as long as the test looks.
            ["Runner:Devices:0"] = "gpu0",
            ["Runner:Devices:1"] = "",
            ["Limits:MaxQueuedRunsPerUser"] = "2",
            ["Suites:tiny:Models:0"] = "mobilenetv2-1.0-generated",
            ["Suites:tiny:Techniques:0"] = "none",
            ["Suites:tiny:BatchSizes:0"] = "1",
            ["Suites:tiny:Providers:0"] = "cpu",
        });
    }

    [Fact]
    public async Task A_user_with_a_full_queue_is_refused_until_a_run_leaves_it_and_others_are_not_held_up()
    {
        using var engineer = _factory.CreateClientAs(Roles.Engineer);
        using var colleague = _factory.CreateClientAs(Roles.Engineer, Roles.Analyst);
        var request = new { modelId = await engineer.ModelIdAsync("mobilenetv2-1.0-generated"), batchSize = 1, durationSeconds = 0.2, minQueries = 3 };
        var first = await engineer.StartRunAsync(request);
        await engineer.StartRunAsync(request);

        var refused = await engineer.PostAsJsonAsync("/api/runs", request);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Limits:MaxQueuedRunsPerUser", (string?)(await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]);
        Assert.Equal(2, await StateFingerprint.RunsAsync(_factory.Services, RunStatus.Queued));
        await colleague.StartRunAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, (await engineer.PostAsync($"/api/runs/{first}/cancel", null)).StatusCode);
        await engineer.StartRunAsync(request);
    }

    [Fact]
    public async Task An_engineer_cancels_their_own_runs_but_not_a_colleagues_and_an_admin_cancels_any()
    {
        using var engineer = _factory.CreateClientAs(Roles.Engineer);
        using var colleague = _factory.CreateClientAs(Roles.Engineer, Roles.Analyst);
        using var admin = _factory.CreateClient();
        var request = new { modelId = await engineer.ModelIdAsync("mobilenetv2-1.0-generated"), batchSize = 1, durationSeconds = 0.2, minQueries = 3 };
        var theirs = await colleague.StartRunAsync(request);

        var refused = await engineer.PostAsync($"/api/runs/{theirs}/cancel", null);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("admin", (string?)(await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]);
        Assert.Equal("queued", (string?)(await engineer.GetRunAsync(theirs))["status"]);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/runs/{theirs}/cancel", null)).StatusCode);
        Assert.Equal("cancelled", (string?)(await engineer.GetRunAsync(theirs))["status"]);
    }

    [Fact]
    public async Task A_suite_that_is_still_running_does_not_start_again_and_the_answer_says_so()
    {
        using var engineer = _factory.CreateClientAs(Roles.Engineer);
        using var admin = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await engineer.PostAsync("/api/suites/tiny/start", null)).StatusCode);

        var again = await admin.PostAsync("/api/suites/tiny/start", null);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = (await again.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("still running", (string?)problem["detail"]);
        Assert.Contains(DashboardFactory.UserNameFor(Roles.Engineer), (string?)problem["detail"]);
        var suites = await admin.GetFromJsonAsync<JsonArray>("/api/suites");
        var tiny = suites!.Single(s => (string?)s!["name"] == "tiny")!;
        Assert.Equal(DashboardFactory.UserNameFor(Roles.Engineer), (string?)tiny["latest"]!["createdBy"]);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _data.Dispose();
    }
}
