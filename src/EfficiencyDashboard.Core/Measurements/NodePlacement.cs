using EfficiencyDashboard.Core.Measurements;

namespace EfficiencyDashboard.Core.Measurements;

/// <summary>Where ONNX Runtime ran one graph node.</summary>
/// <param name="NodeName">The node's name in the optimised graph (fused nodes get new names).</param>
/// <param name="OpType">Its operator, for example "Conv" or "FusedConv".</param>
/// <param name="Provider">ONNX Runtime's provider name, for example "CUDAExecutionProvider" or "CPUExecutionProvider".</param>
public sealed record NodePlacement(string NodeName, string OpType, string Provider)
{
    /// <summary>ONNX Runtime's name for the CPU provider.</summary>
    public const string CpuProvider = "CPUExecutionProvider";

    /// <summary>True when the node ran on the CPU.</summary>
    public bool OnCpu => Provider == CpuProvider;

    /// <summary>"name (OpType)", as listed in validity reasons.</summary>
    public override string ToString() => $"{NodeName} ({OpType})";
}
