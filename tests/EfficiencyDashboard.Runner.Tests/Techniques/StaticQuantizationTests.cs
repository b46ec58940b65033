using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Runner.Fidelity;
using EfficiencyDashboard.Runner.Inputs;
using EfficiencyDashboard.Runner.Techniques;

namespace EfficiencyDashboard.Runner.Tests.Techniques;

[Collection(ParentModelsCollection.Name)]
public sealed class StaticQuantizationTests(ParentModelsFixture parents)
{
    private TechniqueResult ResNet18(CalibrationMethod method) => parents.Variant(
        $"{Technique.Int8Static.ApiName()}-{method}", "resnet18",
        p => StaticQuantization.Apply(p, parents.Calibration("resnet18"), new StaticQuantizationOptions(method)));

    [Theory]
    [InlineData(CalibrationMethod.MinMax)]
    [InlineData(CalibrationMethod.Percentile)]
    public void ResNet18_becomes_QDQ_with_folded_batch_norms_and_stays_close_on_real_images(CalibrationMethod method)
    {
        var variant = ResNet18(method);
        // Fidelity on images the calibration did not see (samples 16-31).
        var unseen = new CalibrationSet(InputKind.Image, [parents.Calibration("resnet18", batches: 3, batchSize: 8).Batches[2]]);
        var report = FidelityMeter.Compare(parents.Model("resnet18"), variant.Model, unseen);

        Assert.Equal(21, variant.Counts["quantizedNodes"]);
        Assert.Equal(20, variant.Counts["foldedBatchNorms"]);
        Assert.Equal(0, VariantInspection.Count(variant.Model, "BatchNormalization"));
        Assert.True(VariantInspection.Count(variant.Model, "QuantizeLinear") >= 21);
        Assert.True(VariantInspection.Count(variant.Model, "DequantizeLinear") >= 42);
        Assert.True(report.CosineSimilarity!.Value > 0.98, $"cosine {report.CosineSimilarity!.Value}");
    }

    [Fact]
    public void Weights_are_int8_per_output_channel()
    {
        var graph = VariantInspection.Graph(ResNet18(CalibrationMethod.MinMax).Model);
        var stemWeight = graph.Initializer.Single(t => t.Name.StartsWith("stem.conv_weight_int8", StringComparison.Ordinal));
        var stemScale = graph.Initializer.Single(t => t.Name.StartsWith("stem.conv_weight_scale", StringComparison.Ordinal));

        Assert.Equal((int)Onnx.TensorProto.Types.DataType.Int8, stemWeight.DataType);
        Assert.Equal([64L, 3, 7, 7], stemWeight.Dims);
        Assert.Equal([64L], stemScale.Dims);
    }

    [Fact]
    public void Percentile_calibration_clips_some_ranges_that_min_max_keeps()
    {
        var minMax = VariantInspection.Graph(ResNet18(CalibrationMethod.MinMax).Model);
        var percentile = VariantInspection.Graph(ResNet18(CalibrationMethod.Percentile).Model);
        float Scale(Onnx.GraphProto g, string name) => BitConverter.ToSingle(g.Initializer.Single(t => t.Name == name).RawData.Span);

        var activationScales = minMax.Initializer.Where(t => t.Name.EndsWith("_scale", StringComparison.Ordinal) && t.Dims.Count == 0).Select(t => t.Name).ToList();
        Assert.NotEmpty(activationScales);
        Assert.All(activationScales, name => Assert.True(Scale(percentile, name) <= Scale(minMax, name) * 1.0001f, name));
        Assert.Contains(activationScales, name => Scale(percentile, name) < Scale(minMax, name) * 0.999f);
    }

    [Fact]
    public void Pretrained_opset8_ResNet18_is_raised_to_opset13_and_quantized()
    {
        var parent = parents.Model("resnet18_pretrained_dynamic");
        var variant = StaticQuantization.Apply(parent, parents.Calibration("resnet18_pretrained_dynamic", batches: 1, batchSize: 8));
        var report = FidelityMeter.Compare(parent, variant.Model, parents.Calibration("resnet18_pretrained_dynamic", batches: 1, batchSize: 4));

        Assert.Contains("opset was raised from 8 to 13", variant.Description);
        Assert.Equal(22, variant.Counts["quantizedNodes"]);
        Assert.True(report.CosineSimilarity!.Value > 0.95, $"cosine {report.CosineSimilarity!.Value}");
        Assert.Null(report.Top1Agreement);
    }

    [Fact]
    public void A_model_without_conv_matmul_or_gemm_is_refused()
    {
        var calibration = new CalibrationSet(InputKind.Features,
            [new InputBatch([new InputTensor("input", [1, 4], new float[4])])]);

        var error = Assert.Throws<TechniqueNotApplicableException>(() => StaticQuantization.Apply(HandMadeGraphs.ReluOnly(), calibration));

        Assert.Contains("Conv, MatMul and Gemm", error.Message);
    }
}
