using System.Diagnostics;

namespace EfficiencyDashboard.Runner.Execution;

/// <summary>
/// Raw timings of the measured window in Stopwatch ticks: per query, its latency and its start (SingleStream and
/// Offline: when the inference started; Server: its scheduled arrival) relative to the window's start.
/// </summary>
internal sealed record QueryTimings(long[] LatencyTicks, long[] StartTicks, long MeasuredTicks, long[]? InferenceTicks = null)
{
    private static readonly double MillisecondsPerTick = 1000.0 / Stopwatch.Frequency;
    private static readonly double NanosecondsPerTick = 1e9 / Stopwatch.Frequency;

    public int Count => LatencyTicks.Length;

    public double MeasuredSeconds => MeasuredTicks / (double)Stopwatch.Frequency;

    public static double ToMilliseconds(long ticks) => ticks * MillisecondsPerTick;

    public double[] LatenciesMs() => [.. LatencyTicks.Select(ToMilliseconds)];

    public double[] StartOffsetsMs() => [.. StartTicks.Select(ToMilliseconds)];

    public long[] LatenciesNs() => [.. LatencyTicks.Select(t => (long)(t * NanosecondsPerTick))];
}
