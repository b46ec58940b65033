using EfficiencyDashboard.Core.Catalog;
using Onnx;

namespace EfficiencyDashboard.Runner.Analysis;

/// <summary>
/// The architecture family and task a model most likely has, read from its graph's structure,
/// with the evidence, so an uploaded model can be filed without the user saying what it is.
/// </summary>
/// <param name="Family">Transformer (attention MatMul+Softmax, or token-id inputs without recurrent layers), Recurrent
/// (LSTM, GRU or RNN layers without attention), MobileNet (depthwise convs), ResNet (convs with residual adds, no
/// depthwise), ConvNet (convs without either), otherwise Other.</param>
/// <param name="Task">"image classification" (an image in, [N, 1000] out), "image features" (an image in,
/// [N, C, 1, 1] or [N, C] out), "text embedding" (integer token inputs) or "unknown".</param>
/// <param name="Evidence">What in the graph led to the guess, for display beside it.</param>
public sealed record ModelFamilyGuess(ModelFamily Family, string Task, string Evidence)
{
    private const int ImageNetClasses = 1000;

    internal static ModelFamilyGuess From(GraphProto graph, IReadOnlyList<string> outputNames, IReadOnlyDictionary<string, ValueShape> shapes)
    {
        var constants = graph.Initializer.Select(t => t.Name)
            .Concat(graph.Node.Where(n => n.OpType == "Constant").SelectMany(n => n.Output))
            .ToHashSet(StringComparer.Ordinal);
        var inputs = graph.Input.Where(i => !constants.Contains(i.Name) && shapes.ContainsKey(i.Name)).Select(i => shapes[i.Name]).ToList();
        var tokenInputs = inputs.Count(s => s.Rank == 2 && OnnxElementTypes.IsInteger(s.ElementType));
        var imageInput = inputs.Any(s => s.Rank == 4 && !OnnxElementTypes.IsInteger(s.ElementType));

        var attention = AttentionPatterns(graph, constants);
        var convs = graph.Node.Where(n => n.OpType is "Conv" or "ConvInteger" or "QLinearConv").ToList();
        var depthwise = convs.Count(n => IsDepthwise(n, shapes));
        var residuals = graph.Node.Count(n => IsResidualAdd(n, constants, shapes));

        var recurrent = graph.Node.Count(n => n.OpType is "LSTM" or "GRU" or "RNN");

        var (family, evidence) =
            attention > 0 ? (ModelFamily.Transformer, $"{attention} attention patterns (MatMul+Softmax), {tokenInputs} integer token inputs")
            : recurrent > 0 ? (ModelFamily.Recurrent, $"{recurrent} recurrent layers (LSTM, GRU or RNN), no attention")
            : tokenInputs > 0 ? (ModelFamily.Transformer, $"{tokenInputs} integer token inputs, no recurrent layer")
            : depthwise > 0 ? (ModelFamily.MobileNet, $"{depthwise} depthwise convolutions (group = channels)")
            : convs.Count > 0 && residuals > 0 ? (ModelFamily.ResNet, $"{convs.Count} convolutions with {residuals} residual adds, none depthwise")
            : convs.Count > 0 ? (ModelFamily.ConvNet, $"{convs.Count} convolutions, no residual adds, none depthwise")
            : (ModelFamily.Other, $"no convolution, attention or recurrent layer");

        var output = outputNames.Count > 0 && shapes.TryGetValue(outputNames[0], out var first) ? first : null;
        var task = tokenInputs > 0 ? "text embedding"
            : !imageInput || output is null ? "unknown"
            : output.Rank == 2 && output.Dims[1] == ImageNetClasses ? "image classification"
            : output.Rank == 2 || (output.Rank == 4 && output.Dims[2] == 1 && output.Dims[3] == 1) ? "image features"
            : "unknown";
        return new ModelFamilyGuess(family, task, evidence);
    }

    /// <summary>
    /// Softmax outputs that feed a MatMul with another computed operand (probabilities x values),
    /// possibly through a Cast, Dropout or Identity; fused attention ops count too.
    /// </summary>
    private static int AttentionPatterns(GraphProto graph, HashSet<string> constants)
    {
        var consumers = graph.Node
            .SelectMany(n => n.Input.Select(input => (input, node: n)))
            .ToLookup(pair => pair.input, pair => pair.node, StringComparer.Ordinal);
        bool FeedsAttentionMatMul(string tensor, int hops) => consumers[tensor].Any(n =>
            n.OpType == "MatMul" ? n.Input.All(i => !constants.Contains(i))
            : hops > 0 && n.OpType is "Cast" or "Dropout" or "Identity" && n.Output.Count > 0 && FeedsAttentionMatMul(n.Output[0], hops - 1));

        var softmaxes = graph.Node.Count(n => n.OpType == "Softmax" && n.Output.Count > 0 && FeedsAttentionMatMul(n.Output[0], 2));
        var fused = graph.Node.Count(n => n.OpType is "Attention" or "MultiHeadAttention");
        return softmaxes + fused;
    }

    private static bool IsDepthwise(NodeProto conv, IReadOnlyDictionary<string, ValueShape> shapes)
    {
        var group = conv.Attribute.FirstOrDefault(a => a.Name == "group")?.I ?? 1;
        return group > 1 && conv.Input.Count > 0 && shapes.TryGetValue(conv.Input[0], out var x) && x.Rank == 4 && x.Dims[1] == group;
    }

    /// <summary>An Add (or Sum) of two computed feature maps of the same shape: a skip connection.</summary>
    private static bool IsResidualAdd(NodeProto node, HashSet<string> constants, IReadOnlyDictionary<string, ValueShape> shapes)
    {
        if (node.OpType is not ("Add" or "Sum") || node.Input.Count < 2 || node.Input.Any(constants.Contains))
        {
            return false;
        }

        var operands = node.Input.Select(i => shapes.GetValueOrDefault(i)).ToList();
        return operands.All(s => s is { Rank: 4 }) && operands.All(s => s!.Dims.SequenceEqual(operands[0]!.Dims));
    }
}
