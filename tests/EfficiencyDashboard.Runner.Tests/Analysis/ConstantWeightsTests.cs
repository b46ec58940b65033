using EfficiencyDashboard.Runner.Analysis;
using EfficiencyDashboard.Runner.ModelBuilding;
using EfficiencyDashboard.Runner.Techniques;
using Google.Protobuf;
using Onnx;

namespace EfficiencyDashboard.Runner.Tests.Analysis;

/// <summary>
/// Some exporters keep weights as Constant nodes instead of initializers; a model saved that way has the same parameters,
/// and the catalog must say so instead of 0.
/// </summary>
public sealed class ConstantWeightsTests
{
    [Fact]
    public void A_resnet18_that_keeps_its_weights_in_constant_nodes_reports_the_same_parameters_and_macs()
    {
        var withInitializers = GeneratedModels.ResNet(18);
        var withConstants = WeightsAsConstantNodes(withInitializers);

        var analysis = ModelAnalyzer.Analyze(withConstants);

        Assert.Empty(ModelProto.Parser.ParseFrom(withConstants).Graph.Initializer);
        Assert.Equal(11_689_512, analysis.ParameterCount);
        Assert.Equal(ModelAnalyzer.Analyze(withInitializers).MacsPerSample, analysis.MacsPerSample);
    }

    [Fact]
    public void Quantised_weights_in_constant_nodes_count_and_their_scales_and_zero_points_do_not()
    {
        var quantised = DynamicQuantization.Apply(GeneratedModels.TinyMlp()).Model;

        var expected = ModelParameters.CountParameters(quantised);

        Assert.Equal(64 * 128 + 128 + 128 * 10 + 10, expected);
        Assert.Equal(expected, ModelParameters.CountParameters(WeightsAsConstantNodes(quantised)));
    }

    [Fact]
    public void Arithmetic_scalars_in_constant_nodes_are_not_parameters()
    {
        // The generated encoders write GELU's and attention's constants as single-value Constant nodes.
        var encoder = GeneratedModels.BertEncoder(new TransformerConfig(1, 32, 2, 64, VocabularySize: 50, MaxPositions: 16));
        var scalars = ModelProto.Parser.ParseFrom(encoder).Graph.Node.Count(n => n.OpType == "Constant");

        Assert.True(scalars > 0);
        Assert.Equal(ModelParameters.CountParameters(encoder), ModelParameters.CountParameters(WeightsAsConstantNodes(encoder)));
    }

    /// <summary>The same graph with every initializer turned into a Constant node in front of the first node.</summary>
    private static byte[] WeightsAsConstantNodes(byte[] model)
    {
        var proto = ModelProto.Parser.ParseFrom(model);
        var graph = proto.Graph;
        var constants = graph.Initializer.Select(tensor =>
        {
            var value = tensor.Clone();
            value.Name = "";
            var node = new NodeProto { OpType = "Constant", Name = $"{tensor.Name}.constant" };
            node.Output.Add(tensor.Name);
            node.Attribute.Add(new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = value });
            return node;
        }).ToList();
        var initializers = graph.Initializer.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var input in graph.Input.Where(i => initializers.Contains(i.Name)).ToList())
        {
            graph.Input.Remove(input);
        }

        graph.Initializer.Clear();
        var nodes = graph.Node.ToList();
        graph.Node.Clear();
        graph.Node.AddRange(constants);
        graph.Node.AddRange(nodes);
        return proto.ToByteArray();
    }
}
