using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Runner.Execution;

/// <summary>An execution provider cannot load on this machine (for CUDA: missing CUDA 13 or cuDNN 9 libraries).</summary>
public sealed class ExecutionProviderUnavailableException(ExecutionProvider provider, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public ExecutionProvider Provider { get; } = provider;
}
