using EfficiencyDashboard.Core.Runs;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Runner.Execution;

/// <summary>Loads the real ONNX Runtime providers on device 0.</summary>
public sealed class OrtExecutionProviderLoader : IExecutionProviderLoader
{
    public void Append(SessionOptions options, ExecutionProvider provider)
    {
        try
        {
            AppendNative(options, provider);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new ExecutionProviderUnavailableException(provider, ex.Message, ex);
        }
    }

    private static void AppendNative(SessionOptions options, ExecutionProvider provider)
    {
        switch (provider)
        {
            case ExecutionProvider.Cpu:
                break;
            case ExecutionProvider.Cuda:
                options.AppendExecutionProvider_CUDA(0);
                break;
            case ExecutionProvider.TensorRt:
                options.AppendExecutionProvider_Tensorrt(0);
                // Nodes TensorRT cannot take go to CUDA rather than the CPU.
                options.AppendExecutionProvider_CUDA(0);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown execution provider.");
        }
    }
}
