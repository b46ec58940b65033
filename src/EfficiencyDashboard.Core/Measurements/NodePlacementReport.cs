using EfficiencyDashboard.Core.Measurements;

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

    /// <summary>Placement that was not profiled, with the reason.</summary>
    public static NodePlacementReport NotChecked(string note) => new(false, [], note);
}
