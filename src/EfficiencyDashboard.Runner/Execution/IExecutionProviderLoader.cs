using EfficiencyDashboard.Core.Runs;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Runner.Execution;

/// <summary>Adds an execution provider to ONNX Runtime session options. The seam that lets GPU paths be tested on the CPU.</summary>
public interface IExecutionProviderLoader
{
    /// <summary>Appends <paramref name="provider"/>; throws <see cref="ExecutionProviderUnavailableException"/> when it cannot load.</summary>
    void Append(SessionOptions options, ExecutionProvider provider);
}
