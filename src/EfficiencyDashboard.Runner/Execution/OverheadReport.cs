namespace EfficiencyDashboard.Runner.Execution;

/// <summary>What the runner costs compared with a bare ONNX Runtime loop on the same model, options and inputs.</summary>
/// <param name="Rounds">Rounds run; each runs the bare loop and the runner once, in alternating order.</param>
/// <param name="QueriesPerRound">Measured queries per loop per round.</param>
/// <param name="BareMedianLatencyMs">Median per-query latency of the bare loop, median over rounds.</param>
/// <param name="RunnerMedianLatencyMs">Median per-query latency the runner reported, median over rounds.</param>
/// <param name="MedianLatencyRatio">Median over rounds of runner median latency / bare median latency; 1 means no overhead.</param>
/// <param name="RoundRatios">That ratio for every round.</param>
/// <param name="RunnerCostPerQueryUs">
/// The runner's own time per query, outside the timed inference: (measured window - sum of latencies) / queries,
/// in microseconds, median over rounds. Meaningful on a trivial model, where the inference is as short as it gets.
/// </param>
/// <param name="ReportedThroughputPerSecond">Samples per second the runner reported, last round.</param>
/// <param name="RecomputedThroughputPerSecond">Completed samples over the wall time from the first query's start to the last one's end, last round.</param>
/// <param name="ThroughputWithinOnePercent">Whether every round's reported and recomputed throughput agreed within 1 %.</param>
public sealed record OverheadReport(
    int Rounds,
    int QueriesPerRound,
    double BareMedianLatencyMs,
    double RunnerMedianLatencyMs,
    double MedianLatencyRatio,
    IReadOnlyList<double> RoundRatios,
    double RunnerCostPerQueryUs,
    double ReportedThroughputPerSecond,
    double RecomputedThroughputPerSecond,
    bool ThroughputWithinOnePercent);
