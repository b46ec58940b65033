using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EfficiencyDashboard.Core.Users;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EfficiencyDashboard.Web.Tests.Access;

/// <summary>Auth:AnonymousViewers opens the reports to a wall display, and nothing more; health answers anyone, with details for admins.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AnonymousViewerTests : IDisposable
{
    private readonly TemporaryDataDirectory _data = new();
    private readonly DashboardFactory _factory;

    public AnonymousViewerTests() =>
        _factory = new DashboardFactory(_data.Path, new Dictionary<string, string?> { ["Auth:AnonymousViewers"] = "true" });

    [Fact]
    public async Task Someone_not_signed_in_reads_reports_runs_and_models_but_changes_and_downloads_nothing()
    {
        using var wall = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        wall.DefaultRequestHeaders.Authorization = null;
        var modelId = await _factory.CreateClient().ModelIdAsync("mobilenetv2-1.0-generated");
        var before = await StateFingerprint.TakeAsync(_factory.Services, _data.Path);

        foreach (var page in new[] { "/", "/runs", "/models", "/hardware", "/api/runs", "/api/models", "/api/claims" })
        {
            Assert.Equal(HttpStatusCode.OK, (await wall.GetAsync(page)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await wall.PostAsJsonAsync("/api/runs", new { modelId, batchSize = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wall.GetAsync("/api/exports/runs.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wall.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await wall.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await wall.GetAsync("/account")).StatusCode);
        Assert.DoesNotContain("data-testid=\"run-start\"", await wall.GetStringAsync("/runs"));
        Assert.Equal(before, await StateFingerprint.TakeAsync(_factory.Services, _data.Path));
    }

    [Fact]
    public async Task Readiness_answers_anyone_with_its_status_and_only_admins_with_each_check()
    {
        using var anonymous = _factory.CreateClientAs();
        using var viewer = _factory.CreateClientAs(Roles.Viewer);
        using var admin = _factory.CreateClient();

        var forAnonymous = await anonymous.GetFromJsonAsync<JsonObject>("/healthz/ready");
        var forViewer = await viewer.GetFromJsonAsync<JsonObject>("/healthz/ready");
        var forAdmin = await admin.GetFromJsonAsync<JsonObject>("/healthz/ready");

        Assert.Equal("Healthy", (string?)forAnonymous!["status"]);
        Assert.Null(forAnonymous["checks"]);
        Assert.Null(forViewer!["checks"]);
        Assert.Equal(2, forAdmin!["checks"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _data.Dispose();
    }
}
