using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Execution;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Runner.Tests.Execution;

/// <summary>Behaves like a machine without CUDA libraries, whatever machine the tests run on.</summary>
public sealed class UnavailableGpuLoader : IExecutionProviderLoader
{
    public const string Message = "Failed to load shared library libonnxruntime_providers_cuda.so";

    public void Append(SessionOptions options, ExecutionProvider provider)
    {
        if (provider != ExecutionProvider.Cpu)
        {
            throw new ExecutionProviderUnavailableException(provider, Message);
        }
    }
}
