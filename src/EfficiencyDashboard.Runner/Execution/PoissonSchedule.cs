using System.Diagnostics;

namespace EfficiencyDashboard.Runner.Execution;

/// <summary>
/// The arrival times of a Server run, computed before the window opens: a Poisson process at the target rate, so
/// the gaps between arrivals are independent and exponentially distributed with mean 1 / rate, as in MLPerf
/// LoadGen. Seeded: equal seeds give identical schedules. Arrivals continue until both the minimum duration and
/// the minimum query count are covered.
/// </summary>
public sealed class PoissonSchedule
{
    /// <summary>The most queries one schedule may hold (80 MB of timestamps); beyond it lower the rate or the duration.</summary>
    public const int MaxQueries = 10_000_000;

    private readonly double[] _arrivalSeconds;

    private PoissonSchedule(double targetQps, int seed, double[] arrivalSeconds)
    {
        TargetQps = targetQps;
        Seed = seed;
        _arrivalSeconds = arrivalSeconds;
        ArrivalTicks = [.. arrivalSeconds.Select(s => (long)(s * Stopwatch.Frequency))];
    }

    /// <summary>The mean arrival rate asked for, in queries per second.</summary>
    public double TargetQps { get; }

    /// <summary>The seed the schedule was drawn with.</summary>
    public int Seed { get; }

    /// <summary>Number of queries scheduled.</summary>
    public int Count => _arrivalSeconds.Length;

    /// <summary>Each query's arrival, in seconds after the window opens, ascending.</summary>
    public IReadOnlyList<double> ArrivalSeconds => _arrivalSeconds;

    /// <summary>The realised mean rate: queries over the time of the last arrival, in queries per second.</summary>
    public double MeanRatePerSecond => Count > 0 && _arrivalSeconds[^1] > 0 ? Count / _arrivalSeconds[^1] : 0;

    /// <summary>Arrivals in Stopwatch ticks, for the issuing thread.</summary>
    internal long[] ArrivalTicks { get; }

    /// <summary>Draws a schedule.</summary>
    /// <exception cref="RunnerException">The rate is not positive, or the schedule would exceed <see cref="MaxQueries"/>.</exception>
    public static PoissonSchedule Create(double targetQps, double minDurationSeconds, int minQueries, int seed)
    {
        if (!(targetQps > 0 && double.IsFinite(targetQps)))
        {
            throw new RunnerException($"The Server target rate must be above 0 queries per second, not {targetQps}.");
        }

        var expected = Math.Max(minQueries, Math.Ceiling(minDurationSeconds * targetQps));
        if (expected > MaxQueries)
        {
            throw new RunnerException(
                $"{targetQps} queries per second for {minDurationSeconds} s would schedule {expected:0} queries; at most {MaxQueries} fit. Lower the rate or the duration.");
        }

        var random = new Random(seed);
        var arrivals = new List<double>((int)(expected * 1.1) + 16);
        var time = 0.0;
        while ((time < minDurationSeconds || arrivals.Count < minQueries) && arrivals.Count < MaxQueries)
        {
            // Inverse transform sampling: -ln(1 - U) / rate is exponential with mean 1 / rate.
            time += -Math.Log(1 - random.NextDouble()) / targetQps;
            arrivals.Add(time);
        }

        return new PoissonSchedule(targetQps, seed, [.. arrivals]);
    }
}
