namespace EfficiencyDashboard.Core.Reports;

/// <summary>
/// The gain from a baseline configuration A to a target configuration B on the same task:
/// efficiency(B) / efficiency(A), with a 95% confidence interval where the data allow one.
/// </summary>
/// <param name="Factor">The gain as a factor (2.0 = twice as efficient).</param>
/// <param name="CiLow95">Lower end of the 95% confidence interval of the factor; null when the data give no interval.</param>
/// <param name="CiHigh95">Upper end of the 95% confidence interval of the factor; null when the data give no interval.</param>
/// <param name="Method">How the factor and interval were computed, in words, for the page and the data dictionary.</param>
/// <param name="BaselineCount">Runs (or queries, for a bootstrap over samples) behind the baseline figure.</param>
/// <param name="TargetCount">Runs (or queries) behind the target figure.</param>
public sealed record GainEstimate(double Factor, double? CiLow95, double? CiHigh95, string Method, int BaselineCount, int TargetCount)
{
    /// <summary>Resamples of a bootstrap unless asked otherwise.</summary>
    public const int DefaultResamples = 1000;

    /// <summary>Seed of a bootstrap unless asked otherwise, so that a page shows the same interval every time.</summary>
    public const int DefaultSeed = 20_240_101;

    /// <summary>A gain from one figure each, without an interval (reference figures, single runs without samples).</summary>
    public static GainEstimate FromSingleValues(double baselineEfficiency, double targetEfficiency)
    {
        RequirePositive([baselineEfficiency], nameof(baselineEfficiency));
        RequirePositive([targetEfficiency], nameof(targetEfficiency));
        return new GainEstimate(targetEfficiency / baselineEfficiency, null, null,
            "Ratio of one target figure to one baseline figure; no interval (a single figure each).", 1, 1);
    }

    /// <summary>
    /// The gain from repeated runs of each configuration (at least two each). Efficiencies are taken to be
    /// log-normal, as ratios of rates usually are: the factor is the ratio of geometric means, and the interval is
    /// Welch's t-interval on the difference of mean log efficiencies (unequal variances, Welch-Satterthwaite degrees of
    /// freedom), exponentiated. The interval is therefore asymmetric around the factor and never below zero.
    /// </summary>
    /// <param name="baselineEfficiencies">Efficiency of each baseline run, in any unit (samples/J, samples/s).</param>
    /// <param name="targetEfficiencies">Efficiency of each target run, in the same unit.</param>
    public static GainEstimate FromRepeatedRuns(IReadOnlyList<double> baselineEfficiencies, IReadOnlyList<double> targetEfficiencies)
    {
        if (baselineEfficiencies.Count < 2 || targetEfficiencies.Count < 2)
        {
            throw new ArgumentException("An interval from repeated runs needs at least two runs of each configuration; " +
                "for one run each, use FromLatencySamples.");
        }

        RequirePositive(baselineEfficiencies, nameof(baselineEfficiencies));
        RequirePositive(targetEfficiencies, nameof(targetEfficiencies));

        var (meanA, varianceA) = LogMoments(baselineEfficiencies);
        var (meanB, varianceB) = LogMoments(targetEfficiencies);
        int nA = baselineEfficiencies.Count, nB = targetEfficiencies.Count;
        var shareA = varianceA / nA;
        var shareB = varianceB / nB;
        var standardError = Math.Sqrt(shareA + shareB);
        var difference = meanB - meanA;

        if (standardError == 0)
        {
            return new GainEstimate(Math.Exp(difference), Math.Exp(difference), Math.Exp(difference),
                $"Ratio of geometric means of {nB} target and {nA} baseline runs; every run of each gave the same figure, so the interval is the point.", nA, nB);
        }

        var degreesOfFreedom = Math.Pow(shareA + shareB, 2) / (shareA * shareA / (nA - 1) + shareB * shareB / (nB - 1));
        var t = StudentTDistribution.Quantile(0.975, degreesOfFreedom);
        return new GainEstimate(
            Math.Exp(difference),
            Math.Exp(difference - t * standardError),
            Math.Exp(difference + t * standardError),
            $"Ratio of geometric means of {nB} target and {nA} baseline runs; 95% Welch t-interval on log efficiencies " +
            $"(t = {t:0.###}, {degreesOfFreedom:0.#} degrees of freedom), exponentiated.",
            nA, nB);
    }

    /// <summary>
    /// The gain from one run of each configuration, from their per-query latencies. Efficiency is throughput,
    /// samples/s = batch size x 1000 / mean latency (ms), so the factor is the ratio of the two runs' throughputs. The
    /// interval is a percentile bootstrap: each run's queries are resampled with replacement, independently,
    /// <paramref name="resamples"/> times with a fixed seed, and the 2.5th and 97.5th percentiles of the resampled factors
    /// are its ends. It covers query-to-query noise within the runs, not run-to-run noise (use repeated runs for that).
    /// </summary>
    public static GainEstimate FromLatencySamples(
        IReadOnlyList<double> baselineLatenciesMs,
        int baselineBatchSize,
        IReadOnlyList<double> targetLatenciesMs,
        int targetBatchSize,
        int resamples = DefaultResamples,
        int seed = DefaultSeed)
    {
        if (baselineLatenciesMs.Count == 0 || targetLatenciesMs.Count == 0)
        {
            throw new ArgumentException("Each run needs at least one latency sample.");
        }

        if (baselineBatchSize < 1 || targetBatchSize < 1 || resamples < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(resamples), "Batch sizes must be positive and resamples at least 100.");
        }

        RequirePositive(baselineLatenciesMs, nameof(baselineLatenciesMs));
        RequirePositive(targetLatenciesMs, nameof(targetLatenciesMs));

        // Throughput ratio = (batchB / meanB) / (batchA / meanA); the 1000 ms/s cancels out.
        var batchRatio = (double)targetBatchSize / baselineBatchSize;
        var factor = batchRatio * baselineLatenciesMs.Average() / targetLatenciesMs.Average();

        var random = new Random(seed);
        var factors = new double[resamples];
        for (var i = 0; i < resamples; i++)
        {
            factors[i] = batchRatio * ResampledMean(baselineLatenciesMs, random) / ResampledMean(targetLatenciesMs, random);
        }

        Array.Sort(factors);
        return new GainEstimate(
            factor,
            Quantile(factors, 0.025),
            Quantile(factors, 0.975),
            $"Ratio of throughputs (samples/s = batch x 1000 / mean latency ms) of one run each; 95% percentile bootstrap over " +
            $"per-query latencies ({resamples} resamples of {baselineLatenciesMs.Count} baseline and {targetLatenciesMs.Count} target queries, seed {seed}).",
            baselineLatenciesMs.Count,
            targetLatenciesMs.Count);
    }

    private static double ResampledMean(IReadOnlyList<double> values, Random random)
    {
        double sum = 0;
        for (var i = 0; i < values.Count; i++)
        {
            sum += values[random.Next(values.Count)];
        }

        return sum / values.Count;
    }

    /// <summary>Linearly interpolated quantile of an ascending array (the usual "type 7" definition).</summary>
    private static double Quantile(double[] sortedAscending, double probability)
    {
        var position = probability * (sortedAscending.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sortedAscending.Length - 1);
        return sortedAscending[below] + (position - below) * (sortedAscending[above] - sortedAscending[below]);
    }

    private static (double Mean, double Variance) LogMoments(IReadOnlyList<double> values)
    {
        var logs = values.Select(v => Math.Log(v)).ToArray();
        var mean = logs.Average();
        var variance = logs.Sum(l => (l - mean) * (l - mean)) / (logs.Length - 1);
        return (mean, variance);
    }

    private static void RequirePositive(IEnumerable<double> values, string name)
    {
        if (values.Any(v => !(v > 0) || !double.IsFinite(v)))
        {
            throw new ArgumentException("Efficiencies and latencies must be positive, finite numbers.", name);
        }
    }
}
