using Onnx;

namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>
/// Reads and rewrites one entry of a Reshape's target shape, whether the shape is a constant tensor or, as PyTorch
/// exports it, a Concat of dynamic batch and sequence sizes with constant one-element pieces.
/// </summary>
internal static class ReshapeShape
{
    /// <summary>The shape entry <paramref name="fromEnd"/> places from the end (1 = last), or null when it is not constant.</summary>
    public static long? Read(ModelGraph graph, NodeProto reshape, int fromEnd)
    {
        if (graph.ConstantValue(reshape.Input[1]) is { } shape)
        {
            var values = TensorData.ReadInt64s(shape);
            return values.Length >= fromEnd ? values[^fromEnd] : null;
        }

        return graph.Producer(reshape.Input[1]) is { OpType: "Concat" } concat
            && concat.Input.Count >= fromEnd
            && graph.ConstantValue(concat.Input[^fromEnd]) is { } piece
            && TensorData.ElementCount(piece) == 1
            ? TensorData.ReadInt64s(piece)[0]
            : null;
    }

    /// <summary>Sets that entry to <paramref name="value"/> through a new constant, so shapes shared with other Reshapes are untouched.</summary>
    public static void Replace(ModelGraph graph, NodeProto reshape, int fromEnd, long value)
    {
        if (graph.ConstantValue(reshape.Input[1]) is { } shape)
        {
            var values = TensorData.ReadInt64s(shape);
            values[^fromEnd] = value;
            var name = graph.FreshName(reshape.Input[1] + "_pruned");
            graph.SetInitializer(TensorData.Int64s(name, values, values.Length));
            reshape.Input[1] = name;
            return;
        }

        var concat = graph.Producer(reshape.Input[1])!;
        var piece = graph.FreshName(concat.Input[^fromEnd] + "_pruned");
        graph.SetInitializer(TensorData.Int64s(piece, [value], 1));
        concat.Input[concat.Input.Count - fromEnd] = piece;
    }
}
