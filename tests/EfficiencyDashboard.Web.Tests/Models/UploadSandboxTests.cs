using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using Google.Protobuf;
using Onnx;

namespace EfficiencyDashboard.Web.Tests.Models;

/// <summary>
/// Upload analysis runs in a sandbox process with a memory and a time limit: a model that explodes is refused with the
/// reason and leaves nothing behind. The web host alone (no worker): analysis never needs one.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class UploadSandboxTests : IDisposable
{
    private readonly TemporaryDataDirectory _data = new();

    [Fact]
    public async Task A_model_whose_analysis_exceeds_the_memory_limit_is_refused_and_leaves_no_file()
    {
        using var factory = WebOnly(new() { ["Runner:SandboxMemoryLimitBytes"] = $"{512L << 20}", ["Runner:SandboxTimeLimit"] = "00:10:00" });
        using var client = factory.CreateClient();
        var before = StoredFiles();

        // ConstantOfShape fills a 4 GiB tensor when the analysis runs the graph.
        var response = await UploadAsync(client, Balloon(), "balloon.onnx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Analysis stopped: it used more than 512 MiB of memory (Runner:SandboxMemoryLimitBytes).", (string?)problem["errors"]!["file"]![0]);
        Assert.Equal(before, StoredFiles());
        Assert.Empty((await client.GetFromJsonAsync<JsonArray>("/api/models"))!);
    }

    [Fact]
    public async Task A_model_whose_analysis_exceeds_the_time_limit_is_refused_and_leaves_no_file()
    {
        using var factory = WebOnly(new() { ["Runner:SandboxTimeLimit"] = "00:00:03" });
        using var client = factory.CreateClient();
        var before = StoredFiles();

        // A Loop without a trip count whose condition stays true never ends.
        var response = await UploadAsync(client, EndlessLoop(), "endless.onnx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Analysis stopped: it took longer than 3 s (Runner:SandboxTimeLimit).", (string?)problem["errors"]!["file"]![0]);
        Assert.Equal(before, StoredFiles());
    }

    private DashboardFactory WebOnly(Dictionary<string, string?> settings)
    {
        settings["Runner:Worker"] = "none";
        return new DashboardFactory(_data.Path, settings, waitForCatalog: false);
    }

    /// <summary>Every file in the data directory but the databases: a refused upload must leave none behind, staged or stored.</summary>
    private string[] StoredFiles() =>
        [.. Directory.GetFiles(_data.Path, "*", SearchOption.AllDirectories).Where(f => !f.Contains(".db")).Order()];

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(bytes), "file", fileName);
        return await client.PostAsync("/api/models", form);
    }

    private static byte[] Balloon()
    {
        var graph = new GraphProto { Name = "balloon" };
        graph.Input.Add(Tensor("x", TensorProto.Types.DataType.Float, "batch", 1));
        graph.Node.Add(Constant("shape", new TensorProto { DataType = (int)TensorProto.Types.DataType.Int64, Dims = { 3 }, Int64Data = { 1024, 1024, 1024 } }));
        var fill = new NodeProto { OpType = "ConstantOfShape", Name = "big", Input = { "shape" }, Output = { "big" } };
        fill.Attribute.Add(new AttributeProto
        {
            Name = "value", Type = AttributeProto.Types.AttributeType.Tensor,
            T = new TensorProto { DataType = (int)TensorProto.Types.DataType.Float, Dims = { 1 }, FloatData = { 1f } },
        });
        graph.Node.Add(fill);
        graph.Node.Add(new NodeProto { OpType = "Identity", Name = "y", Input = { "x" }, Output = { "y" } });
        graph.Output.Add(Tensor("big", TensorProto.Types.DataType.Float, null, 1024, 1024, 1024));
        graph.Output.Add(Tensor("y", TensorProto.Types.DataType.Float, "batch", 1));
        return Model(graph);
    }

    private static byte[] EndlessLoop()
    {
        var body = new GraphProto { Name = "forever" };
        body.Input.Add(Tensor("i", TensorProto.Types.DataType.Int64, null));
        body.Input.Add(Tensor("cond_in", TensorProto.Types.DataType.Bool, null));
        body.Input.Add(Tensor("v_in", TensorProto.Types.DataType.Float, "batch", 1));
        body.Node.Add(new NodeProto { OpType = "Identity", Name = "cond_out", Input = { "cond_in" }, Output = { "cond_out" } });
        body.Node.Add(new NodeProto { OpType = "Identity", Name = "v_out", Input = { "v_in" }, Output = { "v_out" } });
        body.Output.Add(Tensor("cond_out", TensorProto.Types.DataType.Bool, null));
        body.Output.Add(Tensor("v_out", TensorProto.Types.DataType.Float, "batch", 1));

        var graph = new GraphProto { Name = "endless" };
        graph.Input.Add(Tensor("x", TensorProto.Types.DataType.Float, "batch", 1));
        graph.Node.Add(Constant("keep_going", new TensorProto { DataType = (int)TensorProto.Types.DataType.Bool, Int32Data = { 1 } }));
        var loop = new NodeProto { OpType = "Loop", Name = "y", Input = { "", "keep_going", "x" }, Output = { "y" } };
        loop.Attribute.Add(new AttributeProto { Name = "body", Type = AttributeProto.Types.AttributeType.Graph, G = body });
        graph.Node.Add(loop);
        graph.Output.Add(Tensor("y", TensorProto.Types.DataType.Float, "batch", 1));
        return Model(graph);
    }

    private static NodeProto Constant(string name, TensorProto value)
    {
        var node = new NodeProto { OpType = "Constant", Name = name, Output = { name } };
        node.Attribute.Add(new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = value });
        return node;
    }

    private static ValueInfoProto Tensor(string name, TensorProto.Types.DataType type, string? batch, params long[] dims)
    {
        var shape = new TensorShapeProto();
        if (batch is not null)
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = batch });
        }

        shape.Dim.AddRange(dims.Select(d => new TensorShapeProto.Types.Dimension { DimValue = d }));
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } } };
    }

    private static byte[] Model(GraphProto graph)
    {
        var model = new ModelProto { IrVersion = 8, ProducerName = "test", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
        return model.ToByteArray();
    }

    public void Dispose() => _data.Dispose();
}
