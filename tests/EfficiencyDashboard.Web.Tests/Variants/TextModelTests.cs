using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EfficiencyDashboard.Web.Tests.Infrastructure;

namespace EfficiencyDashboard.Web.Tests.Variants;

[Collection(DashboardCollection.Name)]
public sealed class TextModelTests : IDisposable
{
    private readonly TemporaryDataDirectory _data = new();
    private readonly DashboardFactory _factory;
    private readonly HttpClient _client;

    public TextModelTests()
    {
        _factory = new DashboardFactory(_data.Path, new Dictionary<string, string?>
        {
            ["Catalog:BuiltInModels:0"] = "all-minilm-l6-v2-pretrained",
            ["Catalog:BuiltInModels:1"] = "",
        });
        _client = _factory.CreateClient();
    }

    [Fact]
    public async Task The_pretrained_minilm_runs_on_tokenized_sentences_and_its_int8_variant_keeps_sentence_similarity()
    {
        var minilm = (await _client.GetFromJsonAsync<JsonArray>("/api/models"))!.Single(m => (string?)m!["key"] == "all-minilm-l6-v2-pretrained")!;
        var id = (int)minilm["id"]!;
        Assert.Equal("Transformer", (string?)minilm["family"]);
        Assert.Equal(128, (int)minilm["defaultInputShapes"]!["input_ids"]![1]!);

        var runId = await _client.StartRunAsync(new { modelId = id, batchSize = 2, durationSeconds = 0.3, minQueries = 3 });
        var run = await _client.WaitForStatusAsync(runId, "succeeded");
        var job = await _client.MakeVariantAsync(id, new { technique = "int8-dynamic" });

        Assert.Contains("sentences", (string?)run["result"]!["inputs"]);
        Assert.Equal("succeeded", (string?)job["status"]);
        var variant = (await _client.GetFromJsonAsync<JsonObject>($"/api/models/{job["variantId"]}"))!;
        Assert.True(variant["operatorCounts"]!.AsObject().ContainsKey("MatMulInteger"));
        Assert.InRange((double)variant["fidelity"]!["rankCorrelation"]!, 0.8, 1.0);
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        _data.Dispose();
    }
}
