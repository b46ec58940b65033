using EfficiencyDashboard.Core.Runs;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Runner.Execution;

/// <summary>
/// Finds which execution providers load here by appending each to fresh session options.
/// ONNX Runtime lists CUDA as available even when its libraries are missing, so listing is not enough.
/// </summary>
public static class ExecutionProviderProbe
{
    public static IReadOnlyList<ProviderAvailability> Probe(IExecutionProviderLoader loader) =>
        [.. Enum.GetValues<ExecutionProvider>().Select(provider => ProbeOne(loader, provider))];

    private static ProviderAvailability ProbeOne(IExecutionProviderLoader loader, ExecutionProvider provider)
    {
        using var options = new SessionOptions();
        try
        {
            loader.Append(options, provider);
            return new ProviderAvailability(provider, true, provider == ExecutionProvider.Cpu ? "Always available." : "Loads on device 0.");
        }
        catch (ExecutionProviderUnavailableException ex)
        {
            return new ProviderAvailability(provider, false, ex.Message);
        }
    }
}
