using EfficiencyDashboard.Core.Catalog;
using Onnx;

namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>
/// The int8-dynamic technique: MatMul and Gemm nodes with constant weights get int8 weights (symmetric, one scale
/// per output column) and activations quantized to uint8 per tensor at run time:
/// DynamicQuantizeLinear -> MatMulInteger -> Cast -> Mul by (activation scale x weight scales) [-> Add bias].
/// Standard ONNX operators only, all with CPU kernels in ONNX Runtime.
/// </summary>
public static class DynamicQuantization
{
    private const int MinimumOpset = 11;

    /// <summary>Quantizes the parent's MatMul and Gemm weights.</summary>
    /// <param name="parent">A serialised float32 ModelProto.</param>
    /// <param name="reduceRange">
    /// Use 7-bit weights ([-63, 63]), as ONNX Runtime advises for x86 CPUs without VNNI, whose uint8 x int8
    /// kernels can saturate on full-range weights.
    /// </param>
    /// <exception cref="TechniqueNotApplicableException">No MatMul or Gemm has a constant 2-D float weight, or the opset is below 11.</exception>
    public static TechniqueResult Apply(byte[] parent, bool reduceRange = false)
    {
        var graph = new ModelGraph(parent);
        var opset = graph.Model.OpsetImport.FirstOrDefault(o => o.Domain is "" or "ai.onnx")?.Version ?? 0;
        var types = ElementTypes.Infer(graph);
        var targets = graph.Nodes.Where(n => IsQuantizable(graph, n, types)).ToList();
        if (targets.Count == 0)
        {
            var convs = graph.Nodes.Count(n => n.OpType == "Conv");
            throw new TechniqueNotApplicableException(
                "int8-dynamic quantizes MatMul and Gemm nodes with constant 2-D float weights, and this model has none" +
                (convs > 0 ? $" ({convs} Conv nodes: use int8-static for convolutions)." : "."));
        }

        if (opset < MinimumOpset)
        {
            throw new TechniqueNotApplicableException($"The model imports opset {opset}; DynamicQuantizeLinear needs opset {MinimumOpset} or later.");
        }

        var quantizedInputs = new Dictionary<string, (string Values, string Scale, string ZeroPoint)>(StringComparer.Ordinal);
        long floatWeightBytes = 0, int8WeightBytes = 0;
        foreach (var node in targets)
        {
            var input = node.Input[0];
            if (!quantizedInputs.TryGetValue(input, out var activation))
            {
                // One DynamicQuantizeLinear per activation, shared by every MatMul that reads it (Q, K and V projections).
                activation = (graph.FreshName(input + "_quantized"), graph.FreshName(input + "_scale"), graph.FreshName(input + "_zero_point"));
                graph.AddNode("DynamicQuantizeLinear", [input], [activation.Values, activation.Scale, activation.ZeroPoint], input + "_DynamicQuantizeLinear");
                quantizedInputs[input] = activation;
            }

            var (rows, columns, weights, alpha, bias) = WeightOf(graph, node);
            var (values, scales) = WeightQuantization.PerColumn(weights, rows, columns, reduceRange);
            floatWeightBytes += weights.Length * 4L;
            int8WeightBytes += values.Length + scales.Length * 4L;
            var stem = node.Name.Length > 0 ? node.Name : node.Output[0];
            var weightName = graph.FreshName(stem + "_weight_int8");
            var scaleName = graph.FreshName(stem + "_weight_scale");
            graph.SetInitializer(TensorData.Int8s(weightName, values, rows, columns));
            graph.SetInitializer(TensorData.Floats(scaleName, [.. scales.Select(s => s * alpha)], columns));

            var output = node.Output[0];
            var integer = graph.FreshName(stem + "_int32");
            var asFloat = graph.FreshName(stem + "_int32_float");
            var scale = graph.FreshName(stem + "_output_scale");
            var scaled = bias is null ? output : graph.FreshName(stem + "_scaled");
            graph.AddNode("MatMulInteger", [activation.Values, weightName, activation.ZeroPoint], [integer], stem + "_MatMulInteger");
            var cast = graph.AddNode("Cast", [integer], [asFloat], stem + "_Cast");
            ModelGraph.SetIntAttribute(cast, "to", TensorData.Float);
            graph.AddNode("Mul", [activation.Scale, scaleName], [scale], stem + "_ScaleProduct");
            graph.AddNode("Mul", [asFloat, scale], [scaled], stem + "_Rescale");
            if (bias is not null)
            {
                graph.AddNode("Add", [scaled, bias], [output], stem + "_Bias");
            }

            graph.Graph.Node.Remove(node);
        }

        graph.RemoveUnusedInitializers();
        graph.SortTopologically();
        var matMulsLeft = graph.Nodes.Count(n => n.OpType is "MatMul" or "Gemm");
        var convsLeft = graph.Nodes.Count(n => n.OpType == "Conv");
        var description =
            $"Quantized {targets.Count} MatMul/Gemm nodes to int8 weights (symmetric, per output column{(reduceRange ? ", 7-bit" : "")}) " +
            $"with uint8 activations quantized per tensor at run time (DynamicQuantizeLinear -> MatMulInteger); " +
            $"weights {floatWeightBytes / 1024} KiB -> {int8WeightBytes / 1024} KiB." +
            (matMulsLeft > 0 ? $" {matMulsLeft} MatMul/Gemm nodes without constant weights (such as attention scores) stay float32." : "") +
            (convsLeft > 0 ? $" {convsLeft} Conv nodes stay float32: dynamic quantization covers MatMul and Gemm only." : "");
        return new TechniqueResult(Technique.Int8Dynamic, graph.ToBytes(), description, new Dictionary<string, long>
        {
            ["quantizedNodes"] = targets.Count,
            ["dynamicQuantizeNodes"] = quantizedInputs.Count,
            ["floatMatMulNodesLeft"] = matMulsLeft,
            ["floatConvNodesLeft"] = convsLeft,
            ["weightBytesBefore"] = floatWeightBytes,
            ["weightBytesAfter"] = int8WeightBytes,
        });
    }

    private static bool IsQuantizable(ModelGraph graph, NodeProto node, Dictionary<string, int> types)
    {
        if (node.OpType is not ("MatMul" or "Gemm") || types.GetValueOrDefault(node.Input[0]) != TensorData.Float)
        {
            return false;
        }

        if (graph.ConstantValue(node.Input[1]) is not { DataType: TensorData.Float, Dims.Count: 2 })
        {
            return false;
        }

        if (node.OpType == "MatMul")
        {
            return true;
        }

        // A Gemm's bias is folded into an Add only when it is constant (so beta can be applied to it here).
        var hasBias = node.Input.Count > 2 && node.Input[2].Length > 0;
        return ModelGraph.IntAttribute(node, "transA", 0) == 0 && (!hasBias || graph.ConstantValue(node.Input[2]) is { DataType: TensorData.Float });
    }

    /// <summary>The weight as [K, N] (a transposed Gemm weight is transposed back), Gemm's alpha, and its bias scaled by beta.</summary>
    private static (int Rows, int Columns, float[] Weights, float Alpha, string? Bias) WeightOf(ModelGraph graph, NodeProto node)
    {
        var tensor = graph.ConstantValue(node.Input[1])!;
        var (rows, columns) = ((int)tensor.Dims[0], (int)tensor.Dims[1]);
        var weights = TensorData.ReadFloats(tensor);
        if (node.OpType != "Gemm")
        {
            return (rows, columns, weights, 1f, null);
        }

        if (ModelGraph.IntAttribute(node, "transB", 0) == 1)
        {
            weights = WeightQuantization.Transpose(weights, rows, columns);
            (rows, columns) = (columns, rows);
        }

        var alpha = node.Attribute.FirstOrDefault(a => a.Name == "alpha")?.F ?? 1f;
        var beta = node.Attribute.FirstOrDefault(a => a.Name == "beta")?.F ?? 1f;
        if (node.Input.Count < 3 || node.Input[2].Length == 0 || beta == 0)
        {
            return (rows, columns, weights, alpha, null);
        }

        var biasTensor = graph.ConstantValue(node.Input[2])!;
        var bias = TensorData.ReadFloats(biasTensor).Select(v => v * beta).ToArray();
        var biasName = graph.FreshName((node.Name.Length > 0 ? node.Name : node.Output[0]) + "_bias");
        graph.SetInitializer(TensorData.Floats(biasName, bias, [.. biasTensor.Dims]));
        return (rows, columns, weights, alpha, biasName);
    }
}
