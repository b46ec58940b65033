using System.Diagnostics;

namespace EfficiencyDashboard.Runner.Execution;

/// <summary>
/// The Server loop, after MLPerf LoadGen: an issuing thread releases each query at its scheduled arrival whether or
/// not earlier ones have finished; one worker (the calling thread) runs them in arrival order. A query's latency is
/// its completion time minus its scheduled arrival, so time spent queued behind slower queries counts, as LoadGen
/// counts it. The schedule and every buffer exist before the window opens; nothing is allocated per query.
/// </summary>
internal static class ServerQueries
{
    private static readonly long ProgressIntervalTicks = Stopwatch.Frequency / 5;
    private static readonly long SleepThresholdTicks = Stopwatch.Frequency / 500;

    public static QueryTimings Run(
        PreparedSession session, PoissonSchedule schedule, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken)
    {
        var arrivals = schedule.ArrivalTicks;
        var count = arrivals.Length;
        var latencies = new long[count];
        var inference = new long[count];
        using var issued = new SemaphoreSlim(0, int.MaxValue);
        using var go = new ManualResetEventSlim();
        var state = new IssuerState();
        var issuer = new Thread(() => Issue(arrivals, issued, go, state)) { IsBackground = true, Name = "Server query issuer" };
        issuer.Start();

        var windowStart = Stopwatch.GetTimestamp();
        Volatile.Write(ref state.WindowStart, windowStart);
        go.Set();
        var end = windowStart;
        var lastReport = windowStart;
        try
        {
            for (var i = 0; i < count; i++)
            {
                while (!issued.Wait(50))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var start = Stopwatch.GetTimestamp();
                session.Infer(cancellationToken);
                end = Stopwatch.GetTimestamp();
                latencies[i] = end - (windowStart + arrivals[i]);
                inference[i] = end - start;

                if (progress is not null && end - lastReport >= ProgressIntervalTicks)
                {
                    lastReport = end;
                    progress.Report(ProgressOf(end - windowStart, i + 1, count));
                }
            }
        }
        finally
        {
            Volatile.Write(ref state.Stop, 1);
            issuer.Join();
        }

        var measured = end - windowStart;
        progress?.Report(new BenchmarkProgress(BenchmarkPhase.Measuring, 1, measured / (double)Stopwatch.Frequency, 0, count));
        return new QueryTimings(latencies, (long[])arrivals.Clone(), measured, inference);
    }

    private static void Issue(long[] arrivals, SemaphoreSlim issued, ManualResetEventSlim go, IssuerState state)
    {
        go.Wait();
        var windowStart = Volatile.Read(ref state.WindowStart);
        foreach (var arrival in arrivals)
        {
            var due = windowStart + arrival;
            var spinner = default(SpinWait);
            long remaining;
            while ((remaining = due - Stopwatch.GetTimestamp()) > 0)
            {
                if (Volatile.Read(ref state.Stop) != 0)
                {
                    return;
                }

                // Sleep while far from the arrival (Sleep(1) can overshoot by a millisecond), spin close to it.
                if (remaining > SleepThresholdTicks)
                {
                    Thread.Sleep(1);
                }
                else
                {
                    spinner.SpinOnce(sleep1Threshold: -1);
                }
            }

            if (Volatile.Read(ref state.Stop) != 0)
            {
                return;
            }

            issued.Release();
        }
    }

    private static BenchmarkProgress ProgressOf(long elapsedTicks, int completed, int total)
    {
        var fraction = completed / (double)total;
        var elapsed = elapsedTicks / (double)Stopwatch.Frequency;
        return new BenchmarkProgress(BenchmarkPhase.Measuring, fraction, elapsed, elapsed * (1 - fraction) / fraction, completed);
    }

    /// <summary>Fields shared by the worker and the issuing thread.</summary>
    private sealed class IssuerState
    {
        public long WindowStart;
        public int Stop;
    }
}
