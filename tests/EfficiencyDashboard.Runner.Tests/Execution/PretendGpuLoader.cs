using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Execution;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Runner.Tests.Execution;

/// <summary>
/// Claims every provider loads but appends none, so a "CUDA" session runs on the CPU: the GPU telemetry path runs on
/// any machine, and node placement sees every node on the CPU, as a real CUDA session with unsupported nodes would.
/// </summary>
public sealed class PretendGpuLoader : IExecutionProviderLoader
{
    public void Append(SessionOptions options, ExecutionProvider provider)
    {
    }
}
