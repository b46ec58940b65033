using EfficiencyDashboard.Core.Catalog;
using Onnx;

namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>
/// The pruned-unstructured technique: in every Conv, MatMul and Gemm weight, the given fraction of entries with the
/// smallest magnitude is set to zero (per tensor). Shapes do not change, so dense kernels still multiply every zero:
/// this does not reduce compute or latency; it shows how much accuracy sparsity costs, and the file compresses better.
/// </summary>
public static class UnstructuredPruning
{
    /// <summary>Zeroes the smallest-magnitude weights of the parent.</summary>
    /// <param name="parent">A serialised float32 ModelProto.</param>
    /// <param name="ratio">Fraction of each weight tensor to zero, in (0, 1).</param>
    /// <exception cref="TechniqueNotApplicableException">No Conv, MatMul or Gemm has a constant float weight.</exception>
    public static TechniqueResult Apply(byte[] parent, double ratio = 0.3)
    {
        if (!(ratio is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "The pruning ratio must be between 0 and 1 (exclusive).");
        }

        var graph = new ModelGraph(parent);
        var weights = graph.Nodes
            .Where(n => n.OpType is "Conv" or "MatMul" or "Gemm" && n.Input.Count > 1)
            .Select(n => (Node: n, Tensor: graph.Initializer(n.Input[1])))
            .Where(w => w.Tensor is { DataType: TensorData.Float, Dims.Count: >= 2 })
            .ToList();
        if (weights.Count == 0)
        {
            throw new TechniqueNotApplicableException("pruned-unstructured zeroes Conv, MatMul and Gemm weights, and this model has no constant float ones.");
        }

        long total = 0, zeroed = 0;
        foreach (var (node, _) in weights)
        {
            var tensor = graph.OwnInitializer(node, 1);
            var values = TensorData.ReadFloats(tensor);
            var count = (int)Math.Round(values.Length * ratio);
            // Zero exactly the `count` smallest magnitudes: sorting indices by |w| rather than thresholding, so ties cannot overshoot.
            var magnitudes = values.Select(Math.Abs).ToArray();
            var order = Enumerable.Range(0, values.Length).ToArray();
            Array.Sort(magnitudes, order);
            for (var i = 0; i < count; i++)
            {
                values[order[i]] = 0f;
            }

            graph.SetInitializer(TensorData.Floats(tensor.Name, values, [.. tensor.Dims]));
            total += values.Length;
            zeroed += count;
        }

        var description =
            $"Zeroed {zeroed:N0} of {total:N0} weights ({zeroed / (double)total:P1}) in {weights.Count} Conv/MatMul/Gemm nodes, smallest magnitude " +
            "first within each tensor. Shapes are unchanged, so dense kernels still multiply the zeros: parameters stored, MACs and latency do not " +
            "go down (only a sparse kernel or compression could use this sparsity). Not fine-tuned afterwards.";
        return new TechniqueResult(Technique.PrunedUnstructured, graph.ToBytes(), description, new Dictionary<string, long>
        {
            ["prunedNodes"] = weights.Count,
            ["weights"] = total,
            ["zeroedWeights"] = zeroed,
        });
    }
}
