using HdrHistogram;
using HdrHistogram.Utilities;

namespace EfficiencyDashboard.Core.Measurements;

/// <summary>
/// The distribution of per-query latencies of one run: every measured query (warm-up excluded), recorded in
/// nanoseconds in an HdrHistogram with 3 significant digits, so every statistic is exact to 0.1 % and the
/// whole distribution fits in a few kilobytes that can be stored and re-read to compute any percentile later.
/// </summary>
/// <remarks>
/// Percentiles use the nearest-rank definition: the smallest
/// recorded latency with at least p % of the queries at or below it (rank ceil(p / 100 x count)), reported as the
/// top of its 0.1 % histogram bucket.
/// Mean and standard deviation (population) are computed from the histogram, so they agree with the
/// percentiles after a round trip through <see cref="ToBytes"/>.
/// </remarks>
public sealed class LatencyHistogram
{
    /// <summary>Relative resolution: 3 significant digits keep every recorded value within 0.1 %.</summary>
    public const int SignificantDigits = 3;

    /// <summary>The longest latency that can be recorded, 30 minutes in nanoseconds; longer ones are clamped to it.</summary>
    /// <remarks>HdrHistogram.NET 2.5.0 overflows a 32-bit shift for buckets above 2^41 ns (36 minutes), so the range stops below.</remarks>
    public const long HighestTrackableNanoseconds = 1_800_000_000_000;

    private const double NanosecondsPerMillisecond = 1_000_000.0;

    private readonly LongHistogram _histogram;

    /// <summary>An empty histogram.</summary>
    public LatencyHistogram()
        : this(new LongHistogram(1, HighestTrackableNanoseconds, SignificantDigits))
    {
    }

    private LatencyHistogram(LongHistogram histogram) => _histogram = histogram;

    /// <summary>Number of recorded queries.</summary>
    public long Count => _histogram.TotalCount;

    /// <summary>Median latency, in milliseconds.</summary>
    public double P50Ms => PercentileMs(50);

    /// <summary>90th percentile latency, in milliseconds: the SingleStream headline in MLPerf.</summary>
    public double P90Ms => PercentileMs(90);

    /// <summary>95th percentile latency, in milliseconds.</summary>
    public double P95Ms => PercentileMs(95);

    /// <summary>99th percentile latency, in milliseconds: the Server headline in MLPerf.</summary>
    public double P99Ms => PercentileMs(99);

    /// <summary>99.9th percentile latency, in milliseconds.</summary>
    public double P999Ms => PercentileMs(99.9);

    /// <summary>Mean latency, in milliseconds; 0 when nothing was recorded.</summary>
    public double MeanMs => Count == 0 ? 0 : _histogram.GetMean() / NanosecondsPerMillisecond;

    /// <summary>Population standard deviation of the latencies, in milliseconds; 0 when nothing was recorded.</summary>
    public double StdDevMs => Count == 0 ? 0 : _histogram.GetStdDeviation() / NanosecondsPerMillisecond;

    /// <summary>Coefficient of variation: standard deviation over mean, unitless; 0 when nothing was recorded.</summary>
    public double CoefficientOfVariation => MeanMs > 0 ? StdDevMs / MeanMs : 0;

    /// <summary>Shortest latency, in milliseconds (the lowest value of its 0.1 % bucket); 0 when nothing was recorded.</summary>
    public double MinMs => Count == 0
        ? 0
        : _histogram.LowestEquivalentValue(_histogram.RecordedValues().First().ValueIteratedTo) / NanosecondsPerMillisecond;

    /// <summary>Longest latency, in milliseconds (the highest value of its 0.1 % bucket); 0 when nothing was recorded.</summary>
    public double MaxMs => PercentileMs(100);

    /// <summary>A histogram of latencies given in nanoseconds.</summary>
    public static LatencyHistogram FromNanoseconds(ReadOnlySpan<long> latenciesNs)
    {
        var histogram = new LatencyHistogram();
        foreach (var latency in latenciesNs)
        {
            histogram.RecordNanoseconds(latency);
        }

        return histogram;
    }

    /// <summary>A histogram of latencies given in milliseconds.</summary>
    public static LatencyHistogram FromMilliseconds(IEnumerable<double> latenciesMs)
    {
        var histogram = new LatencyHistogram();
        foreach (var latency in latenciesMs)
        {
            histogram.RecordMilliseconds(latency);
        }

        return histogram;
    }

    /// <summary>Reads a histogram written by <see cref="ToBytes"/> (HdrHistogram's compressed V2 encoding).</summary>
    /// <exception cref="FormatException">The bytes are not an encoded histogram.</exception>
    public static LatencyHistogram FromBytes(byte[] encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        try
        {
            var decoded = HistogramEncoding.DecodeFromCompressedByteBuffer(ByteBuffer.Allocate(encoded), 0);
            // Decoding yields the narrowest histogram type that fits; copy into the long-counted one this class wraps.
            var histogram = new LongHistogram(1, HighestTrackableNanoseconds, SignificantDigits);
            histogram.Add(decoded);
            return new LatencyHistogram(histogram);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new FormatException($"The bytes are not an encoded latency histogram: {ex.Message}", ex);
        }
    }

    /// <summary>Reads a histogram written by <see cref="ToBase64"/>.</summary>
    /// <exception cref="FormatException">The text is not an encoded histogram.</exception>
    public static LatencyHistogram FromBase64(string encoded) => FromBytes(Convert.FromBase64String(encoded));

    /// <summary>Records one query's latency in nanoseconds; negative values count as 0, values above 30 minutes as 30 minutes.</summary>
    public void RecordNanoseconds(long latencyNs) => _histogram.RecordValue(Math.Clamp(latencyNs, 0, HighestTrackableNanoseconds));

    /// <summary>Records one query's latency in milliseconds.</summary>
    public void RecordMilliseconds(double latencyMs) => RecordNanoseconds((long)Math.Round(latencyMs * NanosecondsPerMillisecond));

    /// <summary>Latency at a percentile from 0 to 100, in milliseconds; 0 when nothing was recorded.</summary>
    public double PercentileMs(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percentile);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        if (Count == 0)
        {
            return 0;
        }

        // HdrHistogram.NET's own GetValueAtPercentile rounds the rank in floating point and can land one query off;
        // walking the cumulative counts keeps the nearest-rank definition exact.
        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100 * Count - 1e-9));
        foreach (var bucket in _histogram.RecordedValues())
        {
            if (bucket.TotalCountToThisValue >= rank)
            {
                return _histogram.HighestEquivalentValue(bucket.ValueIteratedTo) / NanosecondsPerMillisecond;
            }
        }

        return _histogram.HighestEquivalentValue(_histogram.GetMaxValue()) / NanosecondsPerMillisecond;
    }

    /// <summary>The histogram in HdrHistogram's compressed V2 encoding, readable by any HdrHistogram implementation.</summary>
    public byte[] ToBytes()
    {
        var buffer = ByteBuffer.Allocate(_histogram.GetNeededByteBufferCapacity());
        var length = HistogramEncoding.EncodeIntoCompressedByteBuffer(_histogram, buffer);
        // ByteBuffer keeps its array to itself; read the encoded prefix back byte by byte (a few kilobytes).
        var bytes = new byte[length];
        buffer.Position = 0;
        for (var i = 0; i < length; i++)
        {
            bytes[i] = buffer.Get();
        }

        return bytes;
    }

    /// <summary><see cref="ToBytes"/> as base64 text, for JSON and text columns.</summary>
    public string ToBase64() => Convert.ToBase64String(ToBytes());
}
