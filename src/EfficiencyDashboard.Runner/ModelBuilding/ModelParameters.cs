using Onnx;

namespace EfficiencyDashboard.Runner.ModelBuilding;

/// <summary>Learnable-parameter accounting for serialised ONNX models.</summary>
public static class ModelParameters
{
    // Every floating-point width counts, so an fp16 variant has as many parameters as its parent.
    private static readonly HashSet<int> FloatingPointTypes =
    [
        (int)TensorProto.Types.DataType.Float,
        (int)TensorProto.Types.DataType.Float16,
        (int)TensorProto.Types.DataType.Bfloat16,
        (int)TensorProto.Types.DataType.Double,
    ];

    /// <summary>
    /// Counts learnable parameters the way torchvision and Hugging Face do: conv, dense and recurrent weights and biases,
    /// embeddings, batch-norm and layer-norm scale and bias, quantised (integer) weights, but not batch-norm running
    /// statistics, quantisation scales and zero points, shapes, indices or arithmetic scalars. Weights count wherever the
    /// file keeps them: as initializers or as the values of <c>Constant</c> nodes (as some exporters write them).
    /// </summary>
    /// <param name="model">A serialised ModelProto.</param>
    /// <returns>The summed element count of the tensors that are learnable parameters.</returns>
    public static long CountParameters(byte[] model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return CountParameters(ModelProto.Parser.ParseFrom(model).Graph);
    }

    /// <summary>The same count for an already parsed graph, so analysis parses a large model once.</summary>
    internal static long CountParameters(GraphProto graph)
    {
        // Parameters are told from constants by the input slot they feed, not by name, so models
        // from any producer are counted correctly: batch-norm running statistics, ReLU6 bounds and
        // quantisation scales and zero points are not parameters; quantised (integer) weights are.
        var constants = new HashSet<string>(StringComparer.Ordinal);
        var integerWeights = new HashSet<string>(StringComparer.Ordinal);
        // Dynamic quantization rescales an integer product by (activation scale x weight scale): the Mul that takes a
        // DynamicQuantizeLinear scale takes the weight's quantisation scale as its other operand.
        var activationScales = graph.Node.Where(n => n.OpType == "DynamicQuantizeLinear" && n.Output.Count > 1)
            .Select(n => n.Output[1]).ToHashSet(StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            if (node.OpType == "Mul" && node.Input.Count == 2 && node.Input.Any(activationScales.Contains))
            {
                constants.UnionWith(node.Input.Where(i => !activationScales.Contains(i)));
            }

            var (weightSlots, constantSlots) = Slots(node.OpType);
            foreach (var slot in weightSlots.Where(s => s < node.Input.Count))
            {
                integerWeights.Add(node.Input[slot]);
            }

            foreach (var slot in constantSlots.Where(s => s < node.Input.Count))
            {
                constants.Add(node.Input[slot]);
            }
        }

        bool IsParameter(string name, int dataType, long elements) => FloatingPointTypes.Contains(dataType)
            ? !constants.Contains(name)
            : integerWeights.Contains(name) && elements > 0;

        var fromInitializers = graph.Initializer
            .Select(t => (t.Name, t.DataType, Elements: Elements(t.Dims)))
            .Where(t => IsParameter(t.Name, t.DataType, t.Elements))
            .Sum(t => t.Elements);
        // A single-element Constant is an arithmetic constant (1/sqrt 2, a mask fill, an epsilon), never a learned weight.
        var fromConstantNodes = graph.Node
            .Where(n => n.OpType == "Constant" && n.Output.Count == 1 && (n.Domain is "" or "ai.onnx"))
            .Select(n => (Name: n.Output[0], Value: ConstantValue(n)))
            .Where(c => c.Value is { Elements: > 1 } v && IsParameter(c.Name, v.DataType, v.Elements))
            .Sum(c => c.Value!.Value.Elements);
        return fromInitializers + fromConstantNodes;
    }

    /// <summary>The element type and count of a Constant node's value, from whichever attribute holds it.</summary>
    private static (int DataType, long Elements)? ConstantValue(NodeProto node)
    {
        foreach (var attribute in node.Attribute)
        {
            switch (attribute.Name)
            {
                case "value" when attribute.T is { } tensor:
                    return (tensor.DataType, Elements(tensor.Dims));
                case "value_floats":
                    return ((int)TensorProto.Types.DataType.Float, attribute.Floats.Count);
                case "value_float":
                    return ((int)TensorProto.Types.DataType.Float, 1);
                case "sparse_value" when attribute.SparseTensor is { } sparse:
                    // The dense shape is what the model computes with, like a dense tensor of zeros and the given values.
                    return (sparse.Values.DataType, Elements(sparse.Dims));
            }
        }

        return null;
    }

    private static long Elements(IEnumerable<long> dims) => dims.Aggregate(1L, (count, dim) => count * dim);

    /// <summary>Which inputs of an operator hold quantised weights and which hold non-learnable constants.</summary>
    private static (int[] IntegerWeights, int[] Constants) Slots(string opType) => opType switch
    {
        "BatchNormalization" => ([], [3, 4]),
        "Clip" => ([], [1, 2]),
        "QuantizeLinear" => ([], [1, 2]),
        "DequantizeLinear" => ([0], [1, 2]),
        "MatMulInteger" or "ConvInteger" => ([0, 1], [2, 3]),
        "QLinearConv" => ([3, 8], [1, 2, 4, 5, 6, 7]),
        "QLinearMatMul" => ([0, 3], [1, 2, 4, 5, 6, 7]),
        "MatMulIntegerToFloat" => ([0, 1], [2, 3, 4, 5]),
        "DynamicQuantizeMatMul" => ([1], [2, 3]),
        // Resampling factors and padding values are settings, not weights.
        "Resize" => ([], [1, 2]),
        "Upsample" => ([], [1]),
        "Pad" => ([], [2]),
        _ => ([], []),
    };
}
