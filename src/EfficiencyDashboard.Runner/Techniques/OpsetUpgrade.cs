using Onnx;

namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>
/// Raises an old model's default-domain opset where that cannot change what its operators compute, so techniques
/// can add operators that need a newer opset (per-channel DequantizeLinear needs 13).
/// </summary>
internal static class OpsetUpgrade
{
    private const long MinimumIrVersion = 7;

    // Operators whose semantics did not change between opset 7 and 13 for the attributes these models use.
    private static readonly HashSet<string> Unchanged = new(StringComparer.Ordinal)
    {
        "Conv", "BatchNormalization", "Relu", "MaxPool", "AveragePool", "GlobalAveragePool", "Add", "Sub", "Mul", "Div",
        "Sum", "Flatten", "Gemm", "MatMul", "Identity", "Concat", "Sigmoid", "Tanh", "LeakyRelu",
    };

    /// <summary>Raises the opset to <paramref name="opset"/> when needed; returns a sentence for the description (empty when unchanged).</summary>
    public static string RaiseTo(ModelGraph graph, long opset)
    {
        var import = graph.Model.OpsetImport.FirstOrDefault(o => o.Domain is "" or "ai.onnx");
        if (import is null || import.Version >= opset)
        {
            return "";
        }

        var changed = graph.Nodes.Where(n => n.Domain is "" or "ai.onnx" && !Unchanged.Contains(n.OpType)).Select(n => n.OpType).Distinct().ToList();
        if (changed.Count > 0)
        {
            throw new TechniqueNotApplicableException(
                $"The model imports opset {import.Version}; quantization needs opset {opset}, and {string.Join(", ", changed)} may compute differently there.");
        }

        foreach (var bn in graph.Nodes.Where(n => n.OpType == "BatchNormalization"))
        {
            // Opset 9 removed "spatial" (always 1 since); later opsets reject it.
            var spatial = bn.Attribute.FirstOrDefault(a => a.Name == "spatial");
            if (spatial is not null && spatial.I != 1)
            {
                throw new TechniqueNotApplicableException($"BatchNormalization '{bn.Name}' uses spatial=0, which opset {opset} cannot express.");
            }

            if (spatial is not null)
            {
                bn.Attribute.Remove(spatial);
            }
        }

        var from = import.Version;
        import.Version = opset;
        graph.Model.IrVersion = Math.Max(graph.Model.IrVersion, MinimumIrVersion);
        return $" The opset was raised from {from} to {opset} (its operators compute the same there).";
    }
}
