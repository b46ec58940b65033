using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Core.Measurements;

/// <summary>What <see cref="ValidityRules"/> judge: the facts of one measured run.</summary>
/// <param name="WarmupQueries">Queries run and discarded before measuring.</param>
/// <param name="MeasuredSeconds">Wall time of the measured window.</param>
/// <param name="QueryCount">Measured queries.</param>
/// <param name="Percentile">The headline percentile of the scenario; null when the scenario reports throughput (Offline).</param>
/// <param name="CoefficientOfVariation">Latency standard deviation over mean.</param>
/// <param name="RequestedExecutionProvider">The provider the run asked for.</param>
/// <param name="ActualExecutionProvider">The provider that ran the session.</param>
/// <param name="NodesOnCpu">Nodes ONNX Runtime placed on the CPU in a GPU session, as "name (OpType)".</param>
/// <param name="OtherGpuProcessIds">Other processes seen on the GPU during the measured window.</param>
/// <param name="LatencyBoundMs">Server scenario: the bound the 99th percentile had to hold; null otherwise.</param>
/// <param name="LatencyP99Ms">The measured 99th percentile latency.</param>
public sealed record ValidityEvidence(
    int WarmupQueries,
    double MeasuredSeconds,
    long QueryCount,
    ReportedPercentile? Percentile,
    double CoefficientOfVariation,
    ExecutionProvider RequestedExecutionProvider,
    ExecutionProvider ActualExecutionProvider,
    IReadOnlyList<string> NodesOnCpu,
    IReadOnlyList<int> OtherGpuProcessIds,
    double? LatencyBoundMs,
    double LatencyP99Ms)
{
    /// <summary>How queries were issued; Offline is judged on its samples, not its queries.</summary>
    public Scenario Scenario { get; init; } = Scenario.SingleStream;

    /// <summary>Measured samples: queries times batch size.</summary>
    public long SampleCount { get; init; }

    /// <summary>Why a GPU session's node placement could not be checked; null when it was checked or did not need to be.</summary>
    public string? PlacementUnverifiedReason { get; init; }

    /// <summary>Other work on the runner's cores during the window; null when the measurement did not record it.</summary>
    public HostContention? HostContention { get; init; }
}
