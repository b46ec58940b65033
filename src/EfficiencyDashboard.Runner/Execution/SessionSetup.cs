using EfficiencyDashboard.Core.Runs;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Runner.Execution;

/// <summary>Session options for one measurement and the provider they actually use.</summary>
internal sealed record SessionSetup(SessionOptions Options, ExecutionProvider ActualProvider, string? FallbackReason, int IntraOpThreads) : IDisposable
{
    /// <summary>Sequential execution with every graph optimisation and the requested provider (or the CPU, when allowed).</summary>
    public static SessionSetup Create(IExecutionProviderLoader providers, BenchmarkSettings settings)
    {
        var threads = settings.IntraOpThreads > 0 ? settings.IntraOpThreads : Environment.ProcessorCount;
        var options = NewOptions(threads);
        try
        {
            providers.Append(options, settings.ExecutionProvider);
            return new SessionSetup(options, settings.ExecutionProvider, null, threads);
        }
        catch (ExecutionProviderUnavailableException ex)
        {
            // Fresh options: a provider chain can fail half-way (TensorRT appended, CUDA not) and leave the first behind.
            options.Dispose();
            var reason = $"The {settings.ExecutionProvider.DisplayName()} execution provider could not be loaded: {ex.Message}";
            if (!settings.AllowCpuFallback)
            {
                throw new RunnerException(reason + " Allow CPU fallback to run on the CPU instead.", ex);
            }

            return new SessionSetup(NewOptions(threads), ExecutionProvider.Cpu, reason, threads);
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }

    public void Dispose() => Options.Dispose();

    private static SessionOptions NewOptions(int threads) => new()
    {
        IntraOpNumThreads = threads,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
    };
}
