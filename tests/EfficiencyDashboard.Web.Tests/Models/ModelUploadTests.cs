using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EfficiencyDashboard.Runner.ModelBuilding;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using Google.Protobuf;
using Onnx;

namespace EfficiencyDashboard.Web.Tests.Models;

[Collection(DashboardCollection.Name)]
public sealed class ModelUploadTests(DashboardFixture app) : IClassFixture<DashboardFixture>
{
    private static readonly TransformerConfig TinyEncoder = new(Layers: 1, Hidden: 32, Heads: 2, FeedForward: 64, VocabularySize: 100, MaxPositions: 64, HasPooler: false);

    [Fact]
    public async Task An_uploaded_model_is_validated_analysed_and_added_to_the_catalog()
    {
        var response = await UploadAsync(GeneratedModels.TinyMlp(), "tiny-mlp.onnx", name: "My tiny MLP");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var model = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("My tiny MLP", (string?)model["name"]);
        Assert.Equal("Uploaded", (string?)model["source"]);
        Assert.Equal(9_610, (long)model["parameterCount"]!);
        Assert.Equal(64 * 128 + 128 * 10, (long)model["macsPerSample"]!);
        Assert.Equal(17, (long)model["opset"]!);
        Assert.Equal(2, (int)model["operatorCounts"]!["MatMul"]!);
        var listed = await app.Client.GetFromJsonAsync<JsonArray>("/api/models");
        Assert.Contains(listed!, m => (int)m!["id"]! == (int)model["id"]!);
    }

    [Theory]
    [InlineData("garbage.onnx", "file", "Not a model ONNX Runtime can run")]
    [InlineData("notes.txt", "file", "is not an .onnx file")]
    public async Task A_corrupt_or_foreign_file_gets_a_clear_message_and_adds_nothing(string fileName, string field, string message)
    {
        var before = await CatalogSizeAsync();
        var filesBefore = StoredFiles();

        var response = await UploadAsync("this is not a protobuf graph at all"u8.ToArray(), fileName);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains(message, (string?)problem["errors"]![field]![0]);
        Assert.Equal(before, await CatalogSizeAsync());
        Assert.Equal(filesBefore, StoredFiles());
    }

    [Fact]
    public async Task An_unsupported_opset_is_refused_with_onnx_runtimes_reason()
    {
        var model = ModelProto.Parser.ParseFrom(GeneratedModels.TinyMlp());
        model.OpsetImport[0].Version = 999;

        var response = await UploadAsync(model.ToByteArray(), "future.onnx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("opset", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_dynamic_dimension_is_asked_for_and_then_accepted()
    {
        var encoder = GeneratedModels.BertEncoder(TinyEncoder);

        var withoutShape = await UploadAsync(encoder, "encoder.onnx");
        var withShape = await UploadAsync(encoder, "encoder.onnx", inputShapes: """{"input_ids": [1, 16], "attention_mask": [1, 16], "token_type_ids": [1, 16]}""");

        Assert.Equal(HttpStatusCode.BadRequest, withoutShape.StatusCode);
        var problem = (await withoutShape.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("sequence", (string?)problem["errors"]!["inputShapes"]![0]);
        Assert.Equal(HttpStatusCode.Created, withShape.StatusCode);
        var model = (await withShape.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Transformer", (string?)model["family"]);
        Assert.Equal(16, (int)model["defaultInputShapes"]!["input_ids"]![1]!);
    }

    [Fact]
    public async Task An_engineer_corrects_the_family_and_task()
    {
        var created = await (await UploadAsync(GeneratedModels.TinyMlp(), "classify-me.onnx")).Content.ReadFromJsonAsync<JsonObject>();
        var id = (int)created!["id"]!;

        var patched = await app.Client.PatchAsJsonAsync($"/api/models/{id}", new { family = "MobileNet", task = "image classification" });
        var invalid = await app.Client.PatchAsJsonAsync($"/api/models/{id}", new { family = "Capsule" });

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var model = await app.Client.GetFromJsonAsync<JsonObject>($"/api/models/{id}");
        Assert.Equal("MobileNet", (string?)model!["family"]);
        Assert.True((bool)model["classifiedByEngineer"]!);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    /// <summary>Every file in the data directory: a refused upload must leave none behind, staged or stored.</summary>
    private string[] StoredFiles() =>
        [.. Directory.GetFiles(app.Factory.DataDirectory, "*", SearchOption.AllDirectories).Where(f => !f.Contains(".db")).Order()];

    private async Task<HttpResponseMessage> UploadAsync(byte[] bytes, string fileName, string? name = null, string? inputShapes = null)
    {
        using var form = new MultipartFormDataContent();
        if (name is not null)
        {
            form.Add(new StringContent(name), "name");
        }

        form.Add(new ByteArrayContent(bytes), "file", fileName);
        if (inputShapes is not null)
        {
            form.Add(new StringContent(inputShapes), "inputShapes");
        }

        return await app.Client.PostAsync("/api/models", form);
    }

    private async Task<int> CatalogSizeAsync() => (await app.Client.GetFromJsonAsync<JsonArray>("/api/models"))!.Count;
}
