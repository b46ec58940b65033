using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Core.Measurements;

/// <summary>
/// Which provider ran each node of the session, from an ONNX Runtime profile of one unmeasured inference.
/// In a GPU session, nodes on the CPU are work the GPU provider could not take: honest reporting lists them.
/// </summary>
/// <param name="Checked">Whether placement was profiled.</param>
/// <param name="Nodes">Every profiled node and its provider.</param>
/// <param name="Note">How placement was found, or why it was not checked.</param>
public sealed record NodePlacementReport(bool Checked, IReadOnlyList<NodePlacement> Nodes, string Note)
{
    /// <summary>Nodes that ran on the CPU.</summary>
    public IReadOnlyList<NodePlacement> CpuNodes => [.. Nodes.Where(n => n.OnCpu)];

    /// <summary>Nodes that did model work on the CPU: what changes the measurement of a GPU session.</summary>
    public IReadOnlyList<NodePlacement> CpuComputeNodes => [.. Nodes.Where(n => n.OnCpu && !n.ShapeComputation)];

    /// <summary>Shape computations on the CPU, where ONNX Runtime places them by design.</summary>
    public IReadOnlyList<NodePlacement> CpuShapeNodes => [.. Nodes.Where(n => n.OnCpu && n.ShapeComputation)];

    /// <summary>Nodes that ran on <paramref name="provider"/> (shape computations on the CPU included).</summary>
    public IReadOnlyList<NodePlacement> NodesOn(ExecutionProvider provider) => [.. Nodes.Where(n => n.ExecutionProvider == provider)];

    /// <summary>
    /// The providers that did model work, TensorRT first, as "tensorrt + cuda": a TensorRT session hands the subgraphs
    /// TensorRT cannot build to CUDA, and both take part in every query. Shape computations on the CPU do not count.
    /// Null when placement was not profiled or the profile named no provider the dashboard knows.
    /// </summary>
    public string? ProvidersUsed
    {
        get
        {
            var used = Nodes.Where(n => !(n.OnCpu && n.ShapeComputation)).Select(n => n.ExecutionProvider).OfType<ExecutionProvider>().ToHashSet();
            return Checked && used.Count > 0
                ? string.Join(" + ", new[] { ExecutionProvider.TensorRt, ExecutionProvider.Cuda, ExecutionProvider.Cpu }.Where(used.Contains).Select(p => p.ApiName()))
                : null;
        }
    }

    /// <summary>Placement that was not profiled, with the reason.</summary>
    public static NodePlacementReport NotChecked(string note) => new(false, [], note);
}
