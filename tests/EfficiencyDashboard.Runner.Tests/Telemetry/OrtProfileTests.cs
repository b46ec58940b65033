using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Runner.ModelBuilding;
using EfficiencyDashboard.Runner.Telemetry;
using EfficiencyDashboard.Runner.Tests.Execution;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Runner.Tests.Telemetry;

public sealed class OrtProfileTests(TinyModelFile model) : IClassFixture<TinyModelFile>
{
    // Shaped like ONNX Runtime's profile of a CUDA session in which two shape nodes fell back to the CPU.
    private const string MixedProfile = """
        [
          {"cat":"Session","pid":1,"tid":1,"dur":120,"ts":1,"ph":"X","name":"model_loading_uri","args":{}},
          {"cat":"Node","pid":1,"tid":1,"dur":2,"ts":10,"ph":"X","name":"conv1_fence_before","args":{"op_name":"Conv"}},
          {"cat":"Node","pid":1,"tid":1,"dur":50,"ts":12,"ph":"X","name":"conv1_kernel_time","args":{"op_name":"FusedConv","provider":"CUDAExecutionProvider"}},
          {"cat":"Node","pid":1,"tid":1,"dur":3,"ts":70,"ph":"X","name":"shape_of_x_kernel_time","args":{"op_name":"Shape","provider":"CPUExecutionProvider"}},
          {"cat":"Node","pid":1,"tid":1,"dur":3,"ts":75,"ph":"X","name":"gather_dims_kernel_time","args":{"op_name":"Gather","provider":"CPUExecutionProvider"}},
          {"cat":"Node","pid":1,"tid":1,"dur":40,"ts":80,"ph":"X","name":"fc_kernel_time","args":{"op_name":"Gemm","provider":"CUDAExecutionProvider"}},
          {"cat":"Node","pid":1,"tid":1,"dur":40,"ts":200,"ph":"X","name":"fc_kernel_time","args":{"op_name":"Gemm","provider":"CUDAExecutionProvider"}}
        ]
        """;

    [Fact]
    public void Lists_each_node_once_with_its_provider_and_finds_those_on_the_cpu()
    {
        var nodes = OrtProfile.ParseNodePlacements(MixedProfile);
        var report = new NodePlacementReport(true, nodes, "test");

        Assert.Equal(["conv1", "shape_of_x", "gather_dims", "fc"], nodes.Select(n => n.NodeName));
        Assert.Equal(["shape_of_x (Shape)", "gather_dims (Gather)"], report.CpuNodes.Select(n => n.ToString()));
    }

    [Fact]
    public void Reads_the_trace_events_object_form_too()
    {
        var nodes = OrtProfile.ParseNodePlacements($$"""{"traceEvents": {{MixedProfile}} }""");

        Assert.Equal(4, nodes.Count);
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
