using System.Text.Json.Serialization;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Core.Measurements;

/// <summary>Where ONNX Runtime ran one graph node.</summary>
/// <param name="NodeName">The node's name in the optimised graph (fused nodes get new names).</param>
/// <param name="OpType">Its operator, for example "Conv" or "FusedConv".</param>
/// <param name="Provider">ONNX Runtime's provider name, for example "CUDAExecutionProvider" or "CPUExecutionProvider".</param>
/// <param name="ShapeComputation">
/// True when the node only computes a shape: every output is an integer tensor of at most
/// <see cref="MaxShapeElements"/> elements (a Shape, or a Gather or Unsqueeze of one). ONNX Runtime keeps such nodes on
/// the CPU by design in GPU sessions, since their results are read on the host to size later tensors; they move no
/// activations and do no model arithmetic.
/// </param>
public sealed record NodePlacement(string NodeName, string OpType, string Provider, bool ShapeComputation = false)
{
    /// <summary>The most elements an output of a shape computation has: one per dimension of a tensor.</summary>
    public const int MaxShapeElements = 8;

    /// <summary>ONNX Runtime's name for the CPU provider.</summary>
    public const string CpuProvider = "CPUExecutionProvider";

    /// <summary>ONNX Runtime's name for the CUDA provider.</summary>
    public const string CudaProvider = "CUDAExecutionProvider";

    /// <summary>ONNX Runtime's name for the TensorRT provider (a TensorRT engine runs a whole subgraph as one node).</summary>
    public const string TensorRtProvider = "TensorrtExecutionProvider";

    /// <summary>True when the node ran on the CPU.</summary>
    public bool OnCpu => Provider == CpuProvider;

    /// <summary>The provider as the dashboard names it; null for a provider it does not run (for example DirectML).</summary>
    [JsonIgnore]
    public ExecutionProvider? ExecutionProvider => Provider switch
    {
        CpuProvider => Runs.ExecutionProvider.Cpu,
        CudaProvider => Runs.ExecutionProvider.Cuda,
        TensorRtProvider => Runs.ExecutionProvider.TensorRt,
        _ => null,
    };

    /// <summary>"name (OpType)", as listed in validity reasons.</summary>
    public override string ToString() => $"{NodeName} ({OpType})";
}
