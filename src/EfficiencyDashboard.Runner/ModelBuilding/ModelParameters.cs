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
    /// Counts learnable floating-point parameters the way torchvision and Hugging Face do: conv and
    /// dense weights and biases, embeddings, batch-norm and layer-norm scale and bias, but not
    /// batch-norm running statistics, integer tensors (shapes, indices) or Constant-node operands.
    /// </summary>
    /// <param name="model">A serialised ModelProto.</param>
    /// <returns>The summed element count of the floating-point initializers that are learnable parameters.</returns>
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
        foreach (var node in graph.Node)
        {
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

        return graph.Initializer
            .Where(t => FloatingPointTypes.Contains(t.DataType) ? !constants.Contains(t.Name) : integerWeights.Contains(t.Name))
            .Sum(t => t.Dims.Aggregate(1L, (count, dim) => count * dim));
    }

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
        _ => ([], []),
    };
}
