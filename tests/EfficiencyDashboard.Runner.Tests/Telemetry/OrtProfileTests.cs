using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Runner.ModelBuilding;
using EfficiencyDashboard.Runner.Telemetry;
using EfficiencyDashboard.Runner.Tests.Execution;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Runner.Tests.Telemetry;

public sealed class OrtProfileTests(TinyModelFile model) : IClassFixture<TinyModelFile>
{
    // Shaped like ONNX Runtime's profile of a CUDA session in which two shape nodes and an embedding lookup ran on the CPU.
    private const string MixedProfile = """
        [
          {"cat":"Session","pid":1,"tid":1,"dur":120,"ts":1,"ph":"X","name":"model_loading_uri","args":{}},
          {"cat":"Node","pid":1,"tid":1,"dur":2,"ts":10,"ph":"X","name":"conv1_fence_before","args":{"op_name":"Conv"}},
          {"cat":"Node","pid":1,"tid":1,"dur":50,"ts":12,"ph":"X","name":"conv1_kernel_time","args":{"op_name":"FusedConv","provider":"CUDAExecutionProvider"}},
          {"cat":"Node","pid":1,"tid":1,"dur":3,"ts":70,"ph":"X","name":"shape_of_x_kernel_time","args":{"op_name":"Shape","provider":"CPUExecutionProvider","output_type_shape":[{"int64":[4]}]}},
          {"cat":"Node","pid":1,"tid":1,"dur":3,"ts":75,"ph":"X","name":"gather_dims_kernel_time","args":{"op_name":"Gather","provider":"CPUExecutionProvider","output_type_shape":[{"int64":[]}]}},
          {"cat":"Node","pid":1,"tid":1,"dur":9,"ts":78,"ph":"X","name":"embed_kernel_time","args":{"op_name":"Gather","provider":"CPUExecutionProvider","output_type_shape":[{"float":[1,128,384]}]}},
          {"cat":"Node","pid":1,"tid":1,"dur":2,"ts":79,"ph":"X","name":"positions_kernel_time","args":{"op_name":"Range","provider":"CPUExecutionProvider","output_type_shape":[{"int64":[128]}]}},
          {"cat":"Node","pid":1,"tid":1,"dur":2,"ts":79,"ph":"X","name":"old_format_kernel_time","args":{"op_name":"Unsqueeze","provider":"CPUExecutionProvider"}},
          {"cat":"Node","pid":1,"tid":1,"dur":40,"ts":80,"ph":"X","name":"fc_kernel_time","args":{"op_name":"Gemm","provider":"CUDAExecutionProvider"}},
          {"cat":"Node","pid":1,"tid":1,"dur":40,"ts":200,"ph":"X","name":"fc_kernel_time","args":{"op_name":"Gemm","provider":"CUDAExecutionProvider"}}
        ]
        """;

    // Shaped like ONNX Runtime's profile of a TensorRT session: TensorRT built one engine for most of the graph (one fused
    // node), handed a node it cannot build to CUDA, and left a shape computation on the CPU.
    private const string TensorRtProfile = """
        {"traceEvents": [
          {"cat":"Node","pid":1,"tid":1,"dur":900,"ts":10,"ph":"X","name":"TensorrtExecutionProvider_TRTKernel_graph_main_graph_1234_0_0_kernel_time","args":{"op_name":"TRTKernel_graph_main_graph_1234_0","provider":"TensorrtExecutionProvider","output_type_shape":[{"float":[1,512]}]}},
          {"cat":"Node","pid":1,"tid":1,"dur":2,"ts":920,"ph":"X","name":"shape_kernel_time","args":{"op_name":"Shape","provider":"CPUExecutionProvider","output_type_shape":[{"int64":[2]}]}},
          {"cat":"Node","pid":1,"tid":1,"dur":30,"ts":930,"ph":"X","name":"nms_kernel_time","args":{"op_name":"NonZero","provider":"CUDAExecutionProvider","output_type_shape":[{"int64":[2,40]}]}}
        ]}
        """;

    [Fact]
    public void A_tensorrt_session_records_what_tensorrt_ran_and_what_fell_to_cuda_and_says_tensorrt_plus_cuda()
    {
        var report = new NodePlacementReport(true, OrtProfile.ParseNodePlacements(TensorRtProfile), "test");

        Assert.Equal("TensorrtExecutionProvider_TRTKernel_graph_main_graph_1234_0_0", Assert.Single(report.NodesOn(ExecutionProvider.TensorRt)).NodeName);
        Assert.Equal("nms", Assert.Single(report.NodesOn(ExecutionProvider.Cuda)).NodeName);
        Assert.Empty(report.CpuComputeNodes);
        Assert.Equal("tensorrt + cuda", report.ProvidersUsed);

        var measurement = new BenchmarkMeasurement([1.0], [0.0], 1, 1, ExecutionProvider.TensorRt, null, "1.31.0", 1) { NodePlacement = report };
        var result = measurement.ToRunResult(3, ValiditySettings.Default, "generated", DateTime.UnixEpoch);
        Assert.Equal("tensorrt + cuda", result.ActualProviders);
        Assert.DoesNotContain(result.ValidityReasons, r => r.Check is ValidityCheck.NodesOnCpu or ValidityCheck.PlacementUnverified);
    }

    [Fact]
    public void A_session_whose_nodes_all_ran_on_one_provider_names_only_it()
    {
        var cudaOnly = new NodePlacementReport(true, [new NodePlacement("conv", "Conv", NodePlacement.CudaProvider), new NodePlacement("s", "Shape", NodePlacement.CpuProvider, ShapeComputation: true)], "test");
        var withCpuWork = new NodePlacementReport(true, [new NodePlacement("conv", "Conv", NodePlacement.CudaProvider), new NodePlacement("nms", "NonMaxSuppression", NodePlacement.CpuProvider)], "test");

        Assert.Equal("cuda", cudaOnly.ProvidersUsed);
        Assert.Equal("cuda + cpu", withCpuWork.ProvidersUsed);
        Assert.Null(NodePlacementReport.NotChecked("not profiled").ProvidersUsed);
    }

    [Fact]
    public void Lists_each_node_once_with_its_provider_and_finds_those_on_the_cpu()
    {
        var nodes = OrtProfile.ParseNodePlacements(MixedProfile);
        var report = new NodePlacementReport(true, nodes, "test");

        Assert.Equal(["conv1", "shape_of_x", "gather_dims", "embed", "positions", "old_format", "fc"], nodes.Select(n => n.NodeName));
        Assert.Equal(5, report.CpuNodes.Count);
    }

    [Fact]
    public void Only_small_integer_outputs_count_as_shape_computation_so_model_work_on_the_cpu_still_shows()
    {
        var report = new NodePlacementReport(true, OrtProfile.ParseNodePlacements(MixedProfile), "test");

        Assert.Equal(["shape_of_x (Shape)", "gather_dims (Gather)"], report.CpuShapeNodes.Select(n => n.ToString()));
        // A float embedding lookup, a sequence-long integer tensor, and a node whose profile gives no output types.
        Assert.Equal(["embed (Gather)", "positions (Range)", "old_format (Unsqueeze)"], report.CpuComputeNodes.Select(n => n.ToString()));
    }

    [Fact]
    public void Reads_the_trace_events_object_form_too()
    {
        var nodes = OrtProfile.ParseNodePlacements($$"""{"traceEvents": {{MixedProfile}} }""");

        Assert.Equal(7, nodes.Count);
    }

    [Fact]
    public void Text_that_is_not_a_profile_is_refused()
    {
        Assert.Throws<FormatException>(() => OrtProfile.ParseNodePlacements("{not json"));
        Assert.Throws<FormatException>(() => OrtProfile.ParseNodePlacements("{\"x\": 1}"));
    }

    [Fact]
    public void A_profile_captured_from_a_cpu_session_places_every_node_on_the_cpu()
    {
        using var options = new SessionOptions();

        var report = NodePlacementProbe.Capture(model.Path, options, batchSize: 2, null, inputSeed: 1);

        Assert.True(report.Checked, report.Note);
        Assert.NotEmpty(report.Nodes);
        Assert.All(report.Nodes, n => Assert.Equal(NodePlacement.CpuProvider, n.Provider));
        Assert.Equal(report.Nodes.Count, report.CpuNodes.Count);
        Assert.All(report.Nodes, n => Assert.False(string.IsNullOrEmpty(n.OpType)));
        Assert.False(options.EnableProfiling);
    }

    [Fact]
    public void A_real_profile_tells_the_shape_computation_of_a_text_model_from_its_model_work()
    {
        var config = new TransformerConfig(Layers: 1, Hidden: 32, Heads: 2, FeedForward: 64, VocabularySize: 100, MaxPositions: 64, HasPooler: false);
        var path = Path.Combine(model.Directory, "tiny-bert.onnx");
        File.WriteAllBytes(path, GeneratedModels.BertEncoder(config));
        var shapes = new Dictionary<string, int[]> { ["input_ids"] = [1, 16], ["attention_mask"] = [1, 16], ["token_type_ids"] = [1, 16] };
        using var options = new SessionOptions();

        var report = NodePlacementProbe.Capture(path, options, batchSize: 2, shapes, inputSeed: 1);

        Assert.True(report.Checked, report.Note);
        // The sequence length read off input_ids is one int64; the word embedding lookup is float activations.
        Assert.Contains(report.Nodes, n => n.OpType == "Shape" && n.ShapeComputation);
        Assert.Contains(report.Nodes, n => n.OpType == "Gather" && !n.ShapeComputation);
        Assert.All(report.Nodes.Where(n => n.OpType.Contains("MatMul", StringComparison.Ordinal)), n => Assert.False(n.ShapeComputation));
    }

    [Fact]
    public void A_model_that_cannot_be_profiled_gives_the_reason()
    {
        using var options = new SessionOptions();
        var corrupt = Path.Combine(model.Directory, "not-a-model.onnx");
        File.WriteAllBytes(corrupt, [1, 2, 3]);

        var report = NodePlacementProbe.Capture(corrupt, options, 1, null, 1);

        Assert.False(report.Checked);
        Assert.StartsWith("Node placement could not be profiled", report.Note);
        _ = GeneratedModels.TinyMlp();
    }
}
