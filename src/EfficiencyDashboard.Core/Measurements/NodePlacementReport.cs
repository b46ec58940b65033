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

    /// <summary>Placement that was not profiled, with the reason.</summary>
    public static NodePlacementReport NotChecked(string note) => new(false, [], note);
}
