using Onnx;

namespace EfficiencyDashboard.Runner.ModelBuilding;

/// <summary>Learnable-parameter accounting for serialised ONNX models.</summary>
public static class ModelParameters
{
    /// <summary>
    /// Counts learnable float parameters the way torchvision does: conv and dense weights and biases,
    /// batch-norm scale and bias, but not batch-norm running statistics or constant operands.
    /// </summary>
    /// <param name="model">A serialised ModelProto.</param>
    /// <returns>The summed element count of the float initializers that are learnable parameters.</returns>
    public static long CountParameters(byte[] model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var graph = ModelProto.Parser.ParseFrom(model).Graph;

        // Non-parameters are found by the input slot they feed, not by name, so models from any
        // producer are counted correctly: BatchNormalization slots 3-4 (running mean/var) and
        // Clip slots 1-2 (ReLU6 bounds).
        var constants = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            var slots = node.OpType switch
            {
                "BatchNormalization" => new[] { 3, 4 },
                "Clip" => [1, 2],
                _ => [],
            };
            foreach (var slot in slots.Where(s => s < node.Input.Count))
            {
                constants.Add(node.Input[slot]);
            }
        }

        return graph.Initializer
            .Where(t => t.DataType == (int)TensorProto.Types.DataType.Float && !constants.Contains(t.Name))
            .Sum(t => t.Dims.Aggregate(1L, (count, dim) => count * dim));
    }
}
