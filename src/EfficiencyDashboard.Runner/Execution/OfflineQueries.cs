using System.Diagnostics;

namespace EfficiencyDashboard.Runner.Execution;

/// <summary>
/// The Offline scenario, after MLPerf LoadGen: the whole sample set is issued at once, as one query, and the runner
/// works through it one batch after another until every sample is done. The window runs from the issue to the last
/// completion, whatever its length; throughput is samples over that time. Each batch's inference time is recorded
/// (its start relative to the issue, and how long it took), so the latency figures of an Offline run describe batches.
/// </summary>
internal static class OfflineQueries
{
    private static readonly long ProgressIntervalTicks = Stopwatch.Frequency / 5;

    public static QueryTimings Run(
        PreparedSession session, long samples, int batchSize, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken)
    {
        var batches = checked((int)(samples / batchSize));
        var latencies = new long[batches];
        var starts = new long[batches];
        var issued = Stopwatch.GetTimestamp();
        var lastReport = issued;
        var end = issued;
        for (var i = 0; i < batches; i++)
        {
            var start = Stopwatch.GetTimestamp();
            session.Infer(cancellationToken);
            end = Stopwatch.GetTimestamp();
            latencies[i] = end - start;
            starts[i] = start - issued;

            if (progress is not null && end - lastReport >= ProgressIntervalTicks)
            {
                lastReport = end;
                var fraction = (i + 1) / (double)batches;
                var elapsed = (end - issued) / (double)Stopwatch.Frequency;
                progress.Report(new BenchmarkProgress(BenchmarkPhase.Measuring, fraction, elapsed, elapsed * (1 - fraction) / fraction, i + 1));
            }
        }

        var measured = end - issued;
        progress?.Report(new BenchmarkProgress(BenchmarkPhase.Measuring, 1, measured / (double)Stopwatch.Frequency, 0, batches));
        return new QueryTimings(latencies, starts, measured);
    }
}
