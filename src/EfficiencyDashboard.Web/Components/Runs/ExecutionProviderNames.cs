using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Components.Runs;

/// <summary>The words for execution providers: the code the API takes and the name people read.</summary>
public static class ExecutionProviderNames
{
    public static string Code(ExecutionProvider provider) => provider switch
    {
        ExecutionProvider.Cuda => "cuda",
        ExecutionProvider.TensorRt => "tensorrt",
        _ => "cpu",
    };

    public static string Display(ExecutionProvider provider) => provider switch
    {
        ExecutionProvider.Cuda => "CUDA",
        ExecutionProvider.TensorRt => "TensorRT",
        _ => "CPU",
    };
}
