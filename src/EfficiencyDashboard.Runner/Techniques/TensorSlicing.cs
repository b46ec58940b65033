using Onnx;

namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>Keeps chosen indices of one axis of a float initializer: the edit behind every structured-pruning step.</summary>
internal static class TensorSlicing
{
    /// <summary>Replaces the initializer read by <paramref name="reader"/> at <paramref name="slot"/> with its slice along <paramref name="axis"/>.</summary>
    public static void Keep(ModelGraph graph, NodeProto reader, int slot, int axis, IReadOnlyList<int> keep)
    {
        var tensor = graph.OwnInitializer(reader, slot);
        var dims = tensor.Dims.ToArray();
        var values = Take(TensorData.ReadFloats(tensor), dims, axis, keep);
        dims[axis] = keep.Count;
        graph.SetInitializer(TensorData.Floats(tensor.Name, values, dims));
    }

    public static float[] Take(float[] values, long[] dims, int axis, IReadOnlyList<int> keep)
    {
        var outer = (int)dims.Take(axis).Aggregate(1L, (a, b) => a * b);
        var inner = (int)dims.Skip(axis + 1).Aggregate(1L, (a, b) => a * b);
        var length = (int)dims[axis];
        var result = new float[outer * keep.Count * inner];
        for (var o = 0; o < outer; o++)
        {
            for (var k = 0; k < keep.Count; k++)
            {
                Array.Copy(values, (o * length + keep[k]) * inner, result, (o * keep.Count + k) * inner, inner);
            }
        }

        return result;
    }

    /// <summary>Sum of |w| for each index of <paramref name="axis"/>: the L1 magnitude used to rank channels.</summary>
    public static double[] L1(float[] values, long[] dims, int axis)
    {
        var outer = (int)dims.Take(axis).Aggregate(1L, (a, b) => a * b);
        var inner = (int)dims.Skip(axis + 1).Aggregate(1L, (a, b) => a * b);
        var length = (int)dims[axis];
        var sums = new double[length];
        for (var o = 0; o < outer; o++)
        {
            for (var c = 0; c < length; c++)
            {
                var start = (o * length + c) * inner;
                for (var i = 0; i < inner; i++)
                {
                    sums[c] += Math.Abs(values[start + i]);
                }
            }
        }

        return sums;
    }

    /// <summary>
    /// The indices to keep, in ascending order: all but the round(count x ratio) least important, and at least one.
    /// </summary>
    public static int[] KeepMostImportant(IReadOnlyList<double> importance, double ratio)
    {
        var remove = Math.Min((int)Math.Round(importance.Count * ratio, MidpointRounding.AwayFromZero), importance.Count - 1);
        return [.. Enumerable.Range(0, importance.Count).OrderByDescending(i => importance[i]).ThenBy(i => i)
            .Take(importance.Count - remove).Order()];
    }
}
