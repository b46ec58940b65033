using System.Diagnostics;

namespace EfficiencyDashboard.Runner.Execution;

/// <summary>Unmeasured queries before the window, until both the warm-up count and the warm-up time are reached.</summary>
internal static class WarmUp
{
    /// <summary>Runs the warm-up and returns how many queries it took and how fast the later half of them ran.</summary>
    public static WarmUpResult Run(PreparedSession session, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var minTicks = (long)(settings.WarmupSeconds * Stopwatch.Frequency);
        var start = Stopwatch.GetTimestamp();
        var ends = new List<long>(Math.Max(settings.WarmupQueries, 1));
        while (ends.Count < settings.WarmupQueries || Stopwatch.GetTimestamp() - start < minTicks)
        {
            session.Infer(cancellationToken);
            ends.Add(Stopwatch.GetTimestamp());
        }

        return new WarmUpResult(ends.Count, SamplesPerSecond(start, ends, settings.BatchSize));
    }

    /// <summary>The rate of the later half of the warm-up: the first queries pay for lazy initialisation and would understate it.</summary>
    private static double? SamplesPerSecond(long start, List<long> ends, int batchSize)
    {
        if (ends.Count == 0)
        {
            return null;
        }

        var from = ends.Count >= 2 ? ends[(ends.Count / 2) - 1] : start;
        var queries = ends.Count >= 2 ? ends.Count - (ends.Count / 2) : 1;
        var seconds = (ends[^1] - from) / (double)Stopwatch.Frequency;
        return seconds > 0 ? queries * batchSize / seconds : null;
    }
}
