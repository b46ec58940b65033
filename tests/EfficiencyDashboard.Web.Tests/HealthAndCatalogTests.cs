using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EfficiencyDashboard.Web.Tests.Infrastructure;

namespace EfficiencyDashboard.Web.Tests;

[Collection(DashboardCollection.Name)]
public sealed class HealthAndCatalogTests(DashboardFixture app) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task Liveness_and_readiness_answer_healthy()
    {
        var live = await app.Client.GetAsync("/healthz");
        var ready = await app.Client.GetFromJsonAsync<JsonObject>("/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", (string?)ready!["status"]);
        Assert.Equal(new[] { "database", "runner" }, ready["checks"]!.AsArray().Select(c => (string)c!["name"]!).Order().ToArray());
    }

    [Fact]
    public async Task A_fresh_install_has_generated_and_pretrained_models_with_their_signatures()
    {
        var models = await app.Client.GetFromJsonAsync<JsonArray>("/api/models");

        var mobileNet = models!.Single(m => (string?)m!["key"] == "mobilenetv2-1.0-generated")!;
        var pretrained = models!.Single(m => (string?)m!["key"] == "resnet18-pretrained")!;
        Assert.Equal("Generated", (string?)mobileNet["source"]);
        Assert.Equal(3_504_872, (long)mobileNet["parameterCount"]!);
        Assert.Null(mobileNet["fixedBatchSize"]);
        Assert.Equal("PretrainedPackage", (string?)pretrained["source"]);
        Assert.Equal(1, (int)pretrained["fixedBatchSize"]!);
        Assert.Equal("Input247", (string?)pretrained["inputs"]![0]!["name"]);
        Assert.True(File.Exists(Path.Combine(app.Factory.DataDirectory, "models", "pretrained", "resnet18.onnx")));
    }

    [Fact]
    public async Task The_root_web_root_and_library_assets_are_served()
    {
        var css = await app.Client.GetAsync("/app.css");
        var mud = await app.Client.GetAsync("/_content/MudBlazor/MudBlazor.min.css");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal(HttpStatusCode.OK, mud.StatusCode);
    }
}
