using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Runner.Execution;

/// <summary>Everything the measured window produced, before statistics.</summary>
public sealed record BenchmarkMeasurement(
    double[] LatenciesMs,
    double[] StartOffsetsMs,
    double MeasuredSeconds,
    int BatchSize,
    ExecutionProvider ActualExecutionProvider,
    string? FallbackReason,
    string OnnxRuntimeVersion,
    int IntraOpThreads)
{
    public int QueryCount => LatenciesMs.Length;

    public long SampleCount => (long)QueryCount * BatchSize;

    /// <summary>Samples per second: completed samples over the measured wall time.</summary>
    public double ThroughputPerSecond => MeasuredSeconds > 0 ? SampleCount / MeasuredSeconds : 0;
}
