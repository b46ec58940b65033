using System.Diagnostics;

namespace EfficiencyDashboard.Runner.Execution;

/// <summary>
/// The SingleStream loop: each query is issued as soon as the previous one completes, until both the
/// minimum duration and the minimum query count are reached. The timer wraps only the inference call, and nothing
/// is allocated per query (buffers double when full, which is rare and amortised).
/// </summary>
internal static class BackToBackQueries
{
    private static readonly long ProgressIntervalTicks = Stopwatch.Frequency / 5;

    public static QueryTimings Run(
        PreparedSession session, BenchmarkSettings settings, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken)
    {
        var durationTicks = (long)(settings.DurationSeconds * Stopwatch.Frequency);
        var latencies = new long[Math.Max(settings.MinQueries, 1024)];
        var starts = new long[latencies.Length];
        var count = 0;
        var windowStart = Stopwatch.GetTimestamp();
        var lastReport = windowStart;
        var end = windowStart;
        while (end - windowStart < durationTicks || count < settings.MinQueries)
        {
            if (count == latencies.Length)
            {
                Array.Resize(ref latencies, count * 2);
                Array.Resize(ref starts, count * 2);
            }

            var start = Stopwatch.GetTimestamp();
            session.Infer(cancellationToken);
            end = Stopwatch.GetTimestamp();
            latencies[count] = end - start;
            starts[count] = start - windowStart;
            count++;

            if (progress is not null && end - lastReport >= ProgressIntervalTicks)
            {
                lastReport = end;
                progress.Report(ProgressOf(end - windowStart, durationTicks, count, settings.MinQueries));
            }
        }

        var measured = end - windowStart;
        progress?.Report(new BenchmarkProgress(BenchmarkPhase.Measuring, 1, measured / (double)Stopwatch.Frequency, 0, count));
        return new QueryTimings(latencies[..count], starts[..count], measured);
    }

    private static BenchmarkProgress ProgressOf(long elapsedTicks, long durationTicks, int queries, int minQueries)
    {
        var timeFraction = durationTicks > 0 ? Math.Min(1, elapsedTicks / (double)durationTicks) : 1;
        var queryFraction = minQueries > 0 ? Math.Min(1, queries / (double)minQueries) : 1;
        var fraction = Math.Min(timeFraction, queryFraction);
        var elapsed = elapsedTicks / (double)Stopwatch.Frequency;
        double? eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : null;
        return new BenchmarkProgress(BenchmarkPhase.Measuring, fraction, elapsed, eta, queries);
    }
}
