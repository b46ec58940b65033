namespace EfficiencyDashboard.Core.Runs;

public static class ExecutionProviderExtensions
{
    /// <summary>The provider as the API and configuration spell it: cpu, cuda, tensorrt.</summary>
    public static string ApiName(this ExecutionProvider provider) => provider switch
    {
        ExecutionProvider.Cuda => "cuda",
        ExecutionProvider.TensorRt => "tensorrt",
        _ => "cpu",
    };

    /// <summary>The provider's name as people write it: CPU, CUDA, TensorRT.</summary>
    public static string DisplayName(this ExecutionProvider provider) => provider switch
    {
        ExecutionProvider.Cpu => "CPU",
        ExecutionProvider.Cuda => "CUDA",
        ExecutionProvider.TensorRt => "TensorRT",
        _ => provider.ToString(),
    };
}
