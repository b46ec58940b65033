using System.Globalization;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Core.Measurements;

/// <summary>
/// Decides whether a run's figures can be trusted, after the checks MLPerf Inference's LoadGen applies before it
/// prints "Result is : VALID" (minimum duration, minimum query count, early-stopping query floors, Server latency
/// constraint), plus the dashboard's own checks of noise, execution-provider fallback, node placement, a shared GPU and
/// other work on the runner's cores.
/// A run that fails any rule is shown as INVALID with every reason.
/// </summary>
public static class ValidityRules
{
    /// <summary>Applies every rule to <paramref name="evidence"/>.</summary>
    public static Validity Judge(ValidityEvidence evidence, ValiditySettings settings)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(settings);
        ValidityReason?[] verdicts =
        [
            Warmup(evidence, settings),
            Duration(evidence, settings),
            QueryCount(evidence, settings),
            Variation(evidence, settings),
            ProviderFallback(evidence),
            NodesOnCpu(evidence, settings),
            GpuShared(evidence),
            LatencyBound(evidence),
            PlacementUnverified(evidence),
            HostBusy(evidence, settings),
        ];
        return new Validity([.. verdicts.OfType<ValidityReason>()]);
    }

    /// <summary>
    /// Warm-up: at least <see cref="ValiditySettings.WarmupQueries"/> discarded queries ran first. LoadGen leaves
    /// warm-up to the system under test; the dashboard requires it because first queries pay for lazy
    /// initialisation (allocators, kernel selection, cuDNN autotuning) that no later query pays.
    /// </summary>
    public static ValidityReason? Warmup(ValidityEvidence evidence, ValiditySettings settings) =>
        evidence.WarmupQueries >= settings.WarmupQueries
            ? null
            : new(ValidityCheck.TooLittleWarmup, Format($"Only {evidence.WarmupQueries} warm-up queries ran; at least {settings.WarmupQueries} are required."));

    /// <summary>
    /// Duration: the measured window lasted at least <see cref="ValiditySettings.MinDurationSeconds"/>
    /// (LoadGen's <c>min_duration_ms</c>; its log says "Min duration satisfied : NO" otherwise). Short windows miss
    /// thermal throttling and clock changes.
    /// </summary>
    public static ValidityReason? Duration(ValidityEvidence evidence, ValiditySettings settings) =>
        evidence.MeasuredSeconds >= settings.MinDurationSeconds
            ? null
            : new(ValidityCheck.TooShort, Format($"The measured window lasted {evidence.MeasuredSeconds:0.###} s; at least {settings.MinDurationSeconds:0.###} s are required."));

    /// <summary>
    /// Query count: at least <see cref="ValiditySettings.MinQueries"/> (LoadGen's <c>min_query_count</c>, "Min queries
    /// satisfied : NO") and enough queries for the reported percentile to mean something: LoadGen's early-stopping
    /// estimate needs at least 64 queries to bound a p90 and 662 to bound a p99 even when none is slow; the strict preset
    /// takes mlperf.conf's fixed minimums (1,024 SingleStream, 270,336 Server). An Offline run is one query holding
    /// every sample, so LoadGen reads its minimum as samples: at least <see cref="ValiditySettings.MinOfflineSamples"/>.
    /// </summary>
    public static ValidityReason? QueryCount(ValidityEvidence evidence, ValiditySettings settings)
    {
        if (evidence.Scenario == Scenario.Offline)
        {
            return evidence.SampleCount >= settings.MinOfflineSamples
                ? null
                : new(ValidityCheck.TooFewQueries, Format($"{evidence.SampleCount} samples were measured; at least {settings.MinOfflineSamples} are required for Offline."));
        }

        var required = settings.MinQueriesFor(evidence.Percentile);
        if (evidence.QueryCount >= required)
        {
            return null;
        }

        var forWhat = evidence.Percentile is { } p ? $" to report {p.ToString().ToLowerInvariant()}" : "";
        return new(ValidityCheck.TooFewQueries, Format($"{evidence.QueryCount} queries were measured; at least {required} are required{forWhat}."));
    }

    /// <summary>
    /// Noise: the coefficient of variation (stdev / mean of latency) is at most
    /// <see cref="ValiditySettings.MaxCoefficientOfVariation"/>. Not a LoadGen rule: the dashboard adds it because a
    /// very spread distribution usually means interference (other load, throttling), not the model's behaviour.
    /// Not applied to the Server scenario, whose latencies include queueing and are spread by design.
    /// </summary>
    public static ValidityReason? Variation(ValidityEvidence evidence, ValiditySettings settings) =>
        evidence.LatencyBoundMs is not null || evidence.CoefficientOfVariation <= settings.MaxCoefficientOfVariation
            ? null
            : new(ValidityCheck.HighVariation, Format($"Latency varied too much: coefficient of variation {evidence.CoefficientOfVariation:0.###} is above {settings.MaxCoefficientOfVariation:0.###}."));

    /// <summary>
    /// Execution provider: the run executed on the provider it asked for. MLPerf results must come from the system
    /// described; a CUDA run that silently fell back to the CPU would be mislabelled.
    /// </summary>
    public static ValidityReason? ProviderFallback(ValidityEvidence evidence) =>
        evidence.RequestedExecutionProvider == evidence.ActualExecutionProvider
            ? null
            : new(ValidityCheck.ProviderFallback,
                $"The run asked for {evidence.RequestedExecutionProvider.DisplayName()} but executed on {evidence.ActualExecutionProvider.DisplayName()}.");

    /// <summary>
    /// Node placement: in a GPU session no node ran on the CPU, unless <see cref="ValiditySettings.AllowNodesOnCpu"/>.
    /// ONNX Runtime assigns nodes a GPU provider cannot run to the CPU without failing, which changes what is measured.
    /// </summary>
    public static ValidityReason? NodesOnCpu(ValidityEvidence evidence, ValiditySettings settings)
    {
        if (settings.AllowNodesOnCpu || evidence.ActualExecutionProvider == ExecutionProvider.Cpu || evidence.NodesOnCpu.Count == 0)
        {
            return null;
        }

        var shown = string.Join(", ", evidence.NodesOnCpu.Take(5)) + (evidence.NodesOnCpu.Count > 5 ? ", ..." : "");
        return new(ValidityCheck.NodesOnCpu, Format($"{evidence.NodesOnCpu.Count} nodes ran on the CPU instead of {evidence.ActualExecutionProvider.DisplayName()}: {shown}."));
    }

    /// <summary>
    /// Exclusive GPU: no other process ran compute work on the GPU during the measured window; it would take time
    /// and energy that the run's figures would count as its own.
    /// </summary>
    public static ValidityReason? GpuShared(ValidityEvidence evidence) =>
        evidence.OtherGpuProcessIds.Count == 0
            ? null
            : new(ValidityCheck.GpuShared, $"Other processes used the GPU during the run (PIDs {string.Join(", ", evidence.OtherGpuProcessIds)}).");

    /// <summary>
    /// Server latency constraint: the 99th percentile latency, queueing included, is at most the bound. LoadGen marks
    /// a Server run whose p99 exceeds <c>server_target_latency_ns</c> INVALID ("Performance constraints satisfied : NO").
    /// </summary>
    public static ValidityReason? LatencyBound(ValidityEvidence evidence) =>
        evidence.LatencyBoundMs is not { } bound || evidence.LatencyP99Ms <= bound
            ? null
            : new(ValidityCheck.LatencyBoundExceeded, Format($"p99 latency {evidence.LatencyP99Ms:0.###} ms exceeded the {bound:0.###} ms bound."));

    /// <summary>
    /// Node placement verified: a GPU run whose placement could not be profiled might have run model work on the CPU
    /// without anyone knowing, so it is not valid until its placement is known.
    /// </summary>
    public static ValidityReason? PlacementUnverified(ValidityEvidence evidence) =>
        evidence.ActualExecutionProvider == ExecutionProvider.Cpu || evidence.PlacementUnverifiedReason is not { } reason
            ? null
            : new(ValidityCheck.PlacementUnverified, $"Where ONNX Runtime placed the nodes could not be checked, so model work may have run on the CPU: {reason}");

    /// <summary>
    /// Host busy: other work (the web process, other workers, other programs) took at most
    /// <see cref="ValiditySettings.MaxHostContentionCores"/> of the runner's cores during the window. Time the cores
    /// spent on other work is time, cache and memory bandwidth the measured queries did not get, so a busy host makes
    /// latency worse and throughput lower than the hardware gives. Judged only beyond the figure's resolution; a run
    /// whose contention was not measured is not judged on it (its page says "not measured" and why).
    /// </summary>
    public static ValidityReason? HostBusy(ValidityEvidence evidence, ValiditySettings settings) =>
        evidence.HostContention is { } contention && contention.Exceeds(settings.MaxHostContentionCores)
            ? new(ValidityCheck.HostBusy, Format(
                $"Other work took {contention.Describe()} of the runner's cores ({contention.RunnerCores}) during the measured window; at most {settings.MaxHostContentionCores:0.00} cores are allowed."))
            : null;

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
