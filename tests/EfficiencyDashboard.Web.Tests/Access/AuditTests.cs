using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EfficiencyDashboard.Core.Audit;
using EfficiencyDashboard.Core.Users;
using EfficiencyDashboard.Web.Audit;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EfficiencyDashboard.Web.Tests.Access;

/// <summary>Who did what and when: on the run and model, in the audit log (with the token used), in "my runs" and in the exports.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AuditTests : IDisposable
{
    private readonly TemporaryDataDirectory _data = new();
    private readonly DashboardFactory _factory;

    public AuditTests() => _factory = new DashboardFactory(_data.Path, new Dictionary<string, string?>
    {
        ["Runner:Devices:0"] = "gpu0",
        ["Runner:Devices:1"] = "",
    });

    [Fact]
    public async Task Runs_cancels_uploads_and_classifications_record_who_did_them_and_the_exports_carry_created_by()
    {
        var engineerName = DashboardFactory.UserNameFor(Roles.Engineer);
        using var engineer = _factory.CreateClientAs(Roles.Engineer);
        using var admin = _factory.CreateClient();
        var modelId = await engineer.ModelIdAsync("mobilenetv2-1.0-generated");
        var mine = await engineer.StartRunAsync(new { modelId, batchSize = 1, durationSeconds = 0.2, minQueries = 3 });
        var theirs = await admin.StartRunAsync(new { modelId, batchSize = 2, durationSeconds = 0.2, minQueries = 3 });
        await engineer.PostAsync($"/api/runs/{mine}/cancel", null);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Runner.ModelBuilding.GeneratedModels.TinyMlp()), "file", "tiny.onnx" } };
        var uploaded = (await (await engineer.PostAsync("/api/models", form)).Content.ReadFromJsonAsync<JsonObject>())!;
        await engineer.PatchAsJsonAsync($"/api/models/{uploaded["id"]}", new { family = "Other", task = "feature scoring" });

        var myRuns = await engineer.GetFromJsonAsync<JsonObject>($"/api/runs?createdBy={engineerName}");
        var trail = _factory.Services.GetRequiredService<AuditTrail>();
        var runEvents = await trail.AboutAsync(AuditSubject.Run, mine, CancellationToken.None);
        var modelEvents = await trail.AboutAsync(AuditSubject.Model, (int)uploaded["id"]!, CancellationToken.None);
        using var analyst = _factory.CreateClientAs(Roles.Analyst);
        var runsCsv = (await analyst.GetStringAsync("/api/exports/runs.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var modelsCsv = (await analyst.GetStringAsync("/api/exports/models.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal([mine], myRuns!["items"]!.AsArray().Select(r => (long)r!["id"]!).ToArray());
        Assert.Equal(engineerName, (string?)myRuns["items"]![0]!["createdBy"]);
        Assert.Equal([AuditAction.RunQueued, AuditAction.RunCancelled], runEvents.Select(e => e.Action).ToArray());
        Assert.All(runEvents, e => Assert.Equal(engineerName, e.Actor));
        Assert.All(runEvents, e => Assert.StartsWith("tests", e.Token));
        Assert.Equal([AuditAction.ModelUploaded, AuditAction.ModelClassified], modelEvents.Select(e => e.Action).ToArray());
        Assert.Equal("created_by", runsCsv[0].Split(',')[^1]);
        Assert.EndsWith($",{engineerName}", runsCsv.Single(l => l.StartsWith($"{mine},", StringComparison.Ordinal)));
        Assert.EndsWith($",{DashboardFactory.AdminName}", runsCsv.Single(l => l.StartsWith($"{theirs},", StringComparison.Ordinal)));
        Assert.Equal("created_by", modelsCsv[0].Split(',')[^1]);
        Assert.EndsWith($",{engineerName}", modelsCsv.Single(l => l.StartsWith($"{uploaded["id"]},", StringComparison.Ordinal)));
        var dictionary = await analyst.GetFromJsonAsync<JsonObject>("/api/data-dictionary");
        var runsColumns = dictionary!["datasets"]!.AsArray().Single(d => (string?)d!["name"] == "runs")!["columns"]!.AsArray();
        Assert.Contains("requested", (string?)runsColumns.Single(c => (string?)c!["name"] == "created_by")!["meaning"]);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _data.Dispose();
    }
}
