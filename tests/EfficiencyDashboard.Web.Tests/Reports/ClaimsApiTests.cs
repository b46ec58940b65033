using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using EfficiencyDashboard.Web.Tests.Variants;

namespace EfficiencyDashboard.Web.Tests.Reports;

[Collection(DashboardCollection.Name)]
public sealed class ClaimsApiTests(DashboardFixture app) : IClassFixture<DashboardFixture>
{
    private static readonly string[] Verdicts = ["supported", "contradicted-below", "contradicted-above", "mixed", "not-enough-evidence", "contradicted"];

    private HttpClient Client => app.Client;

    [Fact]
    public async Task Every_article_claim_comes_with_a_verdict_and_labelled_evidence()
    {
        var report = (await Client.GetFromJsonAsync<JsonObject>("/api/claims"))!;

        var claims = report["claims"]!.AsArray();
        Assert.Equal(8, claims.Count);
        Assert.All(claims, c => Assert.Contains((string?)c!["verdict"], Verdicts));
        Assert.All(claims.SelectMany(c => c!["evidence"]!.AsArray()), e => Assert.Contains((string?)e!["provenance"], new[] { "measured", "reference" }));
        var overall = claims.Single(c => (string?)c!["id"] == "overall-two-years")!;
        Assert.Contains(overall["evidence"]!.AsArray(), e => (string?)e!["provenance"] == "reference" && ((string?)e["description"])!.StartsWith("MLPerf resnet50", StringComparison.Ordinal));
        var resnet = claims.Single(c => (string?)c!["id"] == "architecture-resnet")!;
        Assert.Equal("not-enough-evidence", (string?)resnet["verdict"]);
        Assert.NotEmpty((string?)resnet["settleNote"] ?? "");
        Assert.Equal(2, report["referenceHeadlines"]!.AsArray().Count);
        Assert.Contains("each model-and-setting counts once", (string?)report["rule"]);
        Assert.Equal("valid-only", (string?)report["runs"]);
    }

    [Fact]
    public async Task The_article_gpu_table_is_contradicted_by_the_a100_datasheet()
    {
        var report = (await Client.GetFromJsonAsync<JsonObject>("/api/claims"))!;

        var a100 = report["gpuTable"]!.AsArray().Single(r => (string?)r!["gpu"] == "A100")!;
        Assert.Equal("contradicted", (string?)a100["verdict"]);
        Assert.False((bool)a100["figureMatches"]!);
        var gpuClaim = report["claims"]!.AsArray().Single(c => (string?)c!["id"] == "hardware-gpu-table")!;
        Assert.Equal("contradicted", (string?)gpuClaim["verdict"]);
    }

    [Fact]
    public async Task A_measured_int8_static_variant_gives_the_quantization_claim_measured_evidence_linking_both_runs()
    {
        var parentId = await Client.ModelIdAsync("mobilenetv2-1.0-generated");
        var job = await Client.MakeVariantAsync(parentId, new { technique = "int8-static" });
        Assert.Equal("succeeded", (string?)job["status"]);
        var variantId = (int)job["variantId"]!;

        var parentRun = await Client.StartRunAsync(new { modelId = parentId, batchSize = 1, durationSeconds = 0.3, minQueries = 5 });
        var variantRun = await Client.StartRunAsync(new { modelId = variantId, batchSize = 1, durationSeconds = 0.3, minQueries = 5 });
        await Client.WaitForStatusAsync(parentRun, "succeeded");
        await Client.WaitForStatusAsync(variantRun, "succeeded");

        // Short runs are INVALID: by default they are left out, and the switch counts them, marked.
        var valid = (await Client.GetFromJsonAsync<JsonObject>("/api/claims"))!;
        Assert.DoesNotContain(valid["claims"]!.AsArray().Single(c => (string?)c!["id"] == "algorithm-quantization")!["evidence"]!.AsArray(),
            e => (string?)e!["provenance"] == "measured");
        var report = (await Client.GetFromJsonAsync<JsonObject>("/api/claims?invalid=include"))!;
        var quantization = report["claims"]!.AsArray().Single(c => (string?)c!["id"] == "algorithm-quantization")!;
        var measured = quantization["evidence"]!.AsArray().Where(e => (string?)e!["provenance"] == "measured").ToList();
        var evidence = Assert.Single(measured)!;
        var runIds = evidence["runs"]!.AsArray().Select(r => (long)r!["id"]!).ToList();
        Assert.Contains(parentRun, runIds);
        Assert.Contains(variantRun, runIds);
        Assert.Contains($"/runs/{variantRun}", evidence["runs"]!.AsArray().Select(r => (string?)r!["href"]));
        Assert.True((double)evidence["factor"]! > 0);
        Assert.Equal(2, (int)evidence["invalidRuns"]!);
        Assert.Equal("measured", (string?)quantization["estimateFrom"]);
        Assert.Equal((double)evidence["factor"]!, (double)quantization["estimate"]!["factor"]!, 9);
        // One run a side: no interval, so not enough evidence, and the second runs are proposed.
        Assert.Equal("not-enough-evidence", (string?)quantization["verdict"]);
        Assert.Equal(2, quantization["settlingRuns"]!.AsArray().Count);
        Assert.Equal("Covers the CPU only: no GPU run bears on it.", (string?)quantization["coverage"]);
    }
}
