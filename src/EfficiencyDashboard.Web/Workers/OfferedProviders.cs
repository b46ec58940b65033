using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Web.Runs;
using Microsoft.Extensions.Options;
using SessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace EfficiencyDashboard.Web.Workers;

/// <summary>
/// The execution providers this worker offers (<c>Runner:Providers</c>; every one when empty): those not offered are
/// refused with that reason, the others load through ONNX Runtime. The CPU is always offered.
/// </summary>
public sealed class OfferedProviders(IOptions<RunnerOptions> options) : IExecutionProviderLoader
{
    private readonly OrtExecutionProviderLoader _onnxRuntime = new();

    /// <summary>The reason a provider this worker does not offer cannot load.</summary>
    public const string NotOffered = "this worker does not offer it";

    public void Append(SessionOptions sessionOptions, ExecutionProvider provider)
    {
        var offered = options.Value.Providers.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        if (provider != ExecutionProvider.Cpu && offered.Count > 0 && !offered.Any(p => RunRequestValidator.ParseProvider(p) == provider))
        {
            throw new ExecutionProviderUnavailableException(provider, $"{NotOffered} (Runner:Providers: {string.Join(", ", offered)}).");
        }

        _onnxRuntime.Append(sessionOptions, provider);
    }
}
