namespace EfficiencyDashboard.Runner.Execution;

/// <summary>
/// The size of an Offline run's sample set, after MLPerf LoadGen: the expected rate times the minimum duration, plus
/// 10% slack so the run outlasts the duration even if the rate was a little optimistic, and at least the minimum
/// sample count; rounded up to whole batches, since every query the runner makes of it holds one batch.
/// </summary>
public static class OfflineSampleSet
{
    /// <summary>LoadGen's slack over the expected rate times the minimum duration.</summary>
    public const double Slack = 1.1;

    /// <summary>Samples to issue.</summary>
    /// <param name="expectedSamplesPerSecond">The rate the run expects (LoadGen's offline_expected_qps); null or 0 when unknown.</param>
    /// <param name="minDurationSeconds">The minimum measured duration.</param>
    /// <param name="minSamples">The minimum sample count (LoadGen's min_query_count, read as samples in Offline).</param>
    /// <param name="batchSize">Samples per batch.</param>
    public static long Size(double? expectedSamplesPerSecond, double minDurationSeconds, long minSamples, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var forDuration = expectedSamplesPerSecond is > 0 and var rate && double.IsFinite(rate) && minDurationSeconds > 0
            ? Math.Ceiling(Slack * rate * minDurationSeconds)
            : 0;
        var samples = (long)Math.Min(Math.Max(Math.Max(minSamples, forDuration), 1), int.MaxValue / 2.0);
        return (samples + batchSize - 1) / batchSize * batchSize;
    }
}
