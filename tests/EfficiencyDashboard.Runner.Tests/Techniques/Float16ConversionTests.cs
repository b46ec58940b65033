using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Runner.Fidelity;
using EfficiencyDashboard.Runner.Techniques;
using Onnx;

namespace EfficiencyDashboard.Runner.Tests.Techniques;

[Collection(ParentModelsCollection.Name)]
public sealed class Float16ConversionTests(ParentModelsFixture parents)
{
    private const int Float16 = (int)TensorProto.Types.DataType.Float16;
    private const int Float = (int)TensorProto.Types.DataType.Float;

    [Fact]
    public void Weights_become_float16_while_inputs_and_outputs_stay_float32()
    {
        var variant = parents.Variant(Technique.Fp16.ApiName(), "mobilenet_v2_0.5", p => Float16Conversion.Apply(p));
        var graph = VariantInspection.Graph(variant.Model);

        Assert.DoesNotContain(graph.Initializer, t => t.DataType == Float);
        Assert.Contains(graph.Initializer, t => t.DataType == Float16);
        Assert.Equal(Float, graph.Input[0].Type.TensorType.ElemType);
        Assert.Equal(Float, graph.Output[0].Type.TensorType.ElemType);
        Assert.Equal(2, variant.Counts["castNodes"]);
    }

    [Fact]
    public void Cpu_provider_runs_it_by_casting_back_to_float32_and_the_description_says_so()
    {
        // Measured with ONNX Runtime 1.31 on x86: the CPU provider opens float16 graphs but has no float16 Conv or Gemm
        // kernel; it inserts Casts and computes in float32. Only data movement keeps float16 (Gather, Reshape, Transpose).
        var variant = parents.Variant(Technique.Fp16.ApiName(), "mobilenet_v2_0.5", p => Float16Conversion.Apply(p));
        var cpu = Float16CpuSupport.Of(variant.Model);

        Assert.Null(cpu.Failure);
        Assert.Contains("Conv", cpu.Float32Ops);
        Assert.DoesNotContain("Conv", cpu.NativeOps);
        Assert.Equal(1, variant.Counts["runsOnCpu"]);
        Assert.Contains("computes", variant.Description);
        Assert.Contains("in float32", variant.Description);
        Assert.Contains("CUDA", variant.Description);
    }

    [Fact]
    public void Transformer_keeps_integer_token_inputs_and_embeds_almost_as_the_parent()
    {
        var variant = parents.Variant(Technique.Fp16.ApiName(), "minilm", p => Float16Conversion.Apply(p));
        var graph = VariantInspection.Graph(variant.Model);
        var report = FidelityMeter.Compare(parents.Model("minilm"), variant.Model, parents.Calibration("minilm", batches: 1, batchSize: 8));

        Assert.All(graph.Input, i => Assert.Equal((int)TensorProto.Types.DataType.Int64, i.Type.TensorType.ElemType));
        Assert.True(report.CosineSimilarity!.Value > 0.999, $"cosine {report.CosineSimilarity!.Value}");
        Assert.True(report.RankCorrelation > 0.99, $"spearman {report.RankCorrelation}");
    }

    [Fact]
    public void Chosen_operators_stay_float32_between_casts()
    {
        var variant = Float16Conversion.Apply(parents.Model("tiny_mlp"), new HashSet<string> { "Relu" });
        var report = FidelityMeter.Compare(parents.Model("tiny_mlp"), variant.Model, parents.Calibration("tiny_mlp", batches: 1, batchSize: 8));

        Assert.Equal(1, variant.Counts["nodesKeptFloat32"]);
        // Graph input and output, and Relu's input and output.
        Assert.Equal(4, variant.Counts["castNodes"]);
        Assert.True(report.CosineSimilarity!.Value > 0.9999, $"cosine {report.CosineSimilarity!.Value}");
    }

    [Fact]
    public void A_model_without_float_weights_is_refused()
    {
        var error = Assert.Throws<TechniqueNotApplicableException>(() => Float16Conversion.Apply(HandMadeGraphs.ReluOnly()));

        Assert.Contains("no float32 weights", error.Message);
    }
}
