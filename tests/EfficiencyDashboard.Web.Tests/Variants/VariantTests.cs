using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EfficiencyDashboard.Web.Tests.Infrastructure;

namespace EfficiencyDashboard.Web.Tests.Variants;

[Collection(DashboardCollection.Name)]
public sealed class VariantTests(DashboardFixture app) : IClassFixture<DashboardFixture>
{
    private HttpClient Client => app.Client;

    [Fact]
    public async Task An_int8_static_variant_is_linked_to_its_parent_with_measured_fidelity_and_runs()
    {
        var parentId = await Client.ModelIdAsync("mobilenetv2-1.0-generated");

        var job = await Client.MakeVariantAsync(parentId, new { technique = "int8-static", calibration = "percentile" });

        Assert.Equal("succeeded", (string?)job["status"]);
        var variant = (await Client.GetFromJsonAsync<JsonObject>($"/api/models/{job["variantId"]}"))!;
        Assert.Equal(parentId, (int)variant["parentId"]!);
        Assert.Equal("int8-static", (string?)variant["technique"]);
        Assert.Equal("percentile", (string?)variant["techniqueParameters"]!["calibration"]);
        Assert.True(variant["operatorCounts"]!.AsObject().ContainsKey("QuantizeLinear"));
        var fidelity = variant["fidelity"]!;
        Assert.InRange((double)fidelity["cosineSimilarity"]!, 0.9, 1.0);
        Assert.NotNull(fidelity["top1Agreement"]);
        Assert.Contains("not used for calibration", (string?)fidelity["inputs"]);

        var runId = await Client.StartRunAsync(new { modelId = (int)variant["id"]!, batchSize = 2, durationSeconds = 0.2, minQueries = 3 });
        await Client.WaitForStatusAsync(runId, "succeeded");
    }

    [Fact]
    public async Task Structured_pruning_really_removes_parameters_and_macs()
    {
        var parentId = await Client.ModelIdAsync("mobilenetv2-1.0-generated");
        var parent = (await Client.GetFromJsonAsync<JsonObject>($"/api/models/{parentId}"))!;

        var job = await Client.MakeVariantAsync(parentId, new { technique = "pruned-structured", ratio = 0.3 });

        Assert.Equal("succeeded", (string?)job["status"]);
        var variant = (await Client.GetFromJsonAsync<JsonObject>($"/api/models/{job["variantId"]}"))!;
        Assert.True((long)variant["parameterCount"]! < (long)parent["parameterCount"]!);
        Assert.True((long)variant["macsPerSample"]! < 0.9 * (long)parent["macsPerSample"]!);
        Assert.Equal("0.3", (string?)variant["techniqueParameters"]!["ratio"]);
    }

    [Fact]
    public async Task A_technique_that_does_not_apply_fails_with_the_reason_and_adds_nothing()
    {
        var parentId = await Client.ModelIdAsync("resnet18-pretrained");
        var before = (await Client.GetFromJsonAsync<JsonArray>("/api/models"))!.Count;

        var job = await Client.MakeVariantAsync(parentId, new { technique = "int8-dynamic" });

        Assert.Equal("failed", (string?)job["status"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)job["error"]));
        Assert.Null((int?)job["variantId"]);
        Assert.Equal(before, (await Client.GetFromJsonAsync<JsonArray>("/api/models"))!.Count);
    }

    [Theory]
    [InlineData("""{"technique": "magic"}""", "technique")]
    [InlineData("""{"technique": "distilled"}""", "technique")]
    [InlineData("""{"technique": "pruned-structured", "ratio": 1.5}""", "ratio")]
    [InlineData("""{"technique": "int8-static", "calibration": "vibes"}""", "calibration")]
    public async Task Invalid_variant_requests_are_refused_and_queue_nothing(string body, string field)
    {
        var parentId = await Client.ModelIdAsync("mobilenetv2-1.0-generated");

        var response = await Client.PostAsync($"/api/models/{parentId}/variants", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var jobs = await Client.GetFromJsonAsync<JsonArray>($"/api/models/{parentId}/variants/jobs");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]![field]);
        Assert.DoesNotContain(jobs!, j => (string?)j!["status"] == "queued");
    }

    [Fact]
    public async Task A_variant_of_a_missing_model_is_not_found()
    {
        var response = await Client.PostAsJsonAsync("/api/models/98765/variants", new { technique = "fp16" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
