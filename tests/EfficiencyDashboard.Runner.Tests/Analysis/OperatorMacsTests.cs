using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Runner.Analysis;
using Onnx;

namespace EfficiencyDashboard.Runner.Tests.Analysis;

/// <summary>MAC counting for operators the generated architectures do not use, on hand-built graphs.</summary>
public sealed class OperatorMacsTests
{
    private const TensorProto.Types.DataType Float = TensorProto.Types.DataType.Float;

    [Fact]
    public void Depthwise_conv_and_conv_transpose_are_counted_per_sample()
    {
        var model = new HandBuiltModel()
            .Input("image", Float, 4, 8, 8)
            .Weight("depthwise.weight", Float, 4, 1, 3, 3)
            .Weight("up.weight", Float, 4, 2, 2, 2)
            .Node("Conv", ["image", "depthwise.weight"], "depthwise", 
                HandBuiltModel.Int("group", 4), HandBuiltModel.Ints("kernel_shape", 3, 3), HandBuiltModel.Ints("pads", 1, 1, 1, 1))
            .Node("ConvTranspose", ["depthwise", "up.weight"], "up", 
                HandBuiltModel.Ints("kernel_shape", 2, 2), HandBuiltModel.Ints("strides", 2, 2))
            .Output("up", Float, 2, 16, 16)
            .ToBytes();

        var analysis = ModelAnalyzer.Analyze(model, batchSize: 2);

        // Depthwise: each of 4x8x8 outputs sees one 3x3 window of one channel.
        Assert.Equal(4 * 8 * 8 * 9, Single(analysis, "Conv").MacsPerSample);
        // Transpose: each of 4x8x8 inputs is scattered through 2 output channels x 2x2 kernel.
        Assert.Equal(4 * 8 * 8 * 2 * 2 * 2, Single(analysis, "ConvTranspose").MacsPerSample);
        Assert.Equal(ModelFamily.MobileNet, analysis.Family);
        Assert.Equal("unknown", analysis.Task);
    }

    [Fact]
    public void Integer_matmul_is_counted_with_its_precision_and_its_weights_as_parameters()
    {
        var model = new HandBuiltModel()
            .Input("activations", TensorProto.Types.DataType.Uint8, 8)
            .Weight("weight", TensorProto.Types.DataType.Int8, 8, 4)
            .Node("MatMulInteger", ["activations", "weight"], "product")
            .Output("product", TensorProto.Types.DataType.Int32, 4)
            .ToBytes();

        var analysis = ModelAnalyzer.Analyze(model);

        var matMul = Single(analysis, "MatMulInteger");
        Assert.Equal(8 * 4, matMul.MacsPerSample);
        Assert.Equal("uint8 x int8", matMul.Precision);
        Assert.Equal(8 * 4, analysis.ParameterCount);
        Assert.Equal(2 * 8 * 4, analysis.FlopsPerSample);
    }

    private static OperatorMacs Single(ModelAnalysis analysis, string opType) =>
        Assert.Single(analysis.MacsByOperator, m => m.OperatorType == opType);
}
