using EfficiencyDashboard.Core.Reports.Aggregates;

namespace EfficiencyDashboard.Core.Reports;

/// <summary>
/// The gain from a baseline configuration A to a target configuration B on the same task:
/// efficiency(B) / efficiency(A), with a 95% confidence interval where the data allow one.
/// </summary>
/// <param name="Factor">The gain as a factor (2.0 = twice as efficient).</param>
/// <param name="CiLow95">Lower end of the 95% confidence interval of the factor; null when the data give no interval.</param>
/// <param name="CiHigh95">Upper end of the 95% confidence interval of the factor; null when the data give no interval.</param>
/// <param name="Method">How the factor and interval were computed, in words, for the page and the data dictionary.</param>
/// <param name="BaselineCount">Runs behind the baseline figure.</param>
/// <param name="TargetCount">Runs behind the target figure.</param>
/// <param name="LogStandardError">Standard error of ln(factor) from the runs' spread; null without an interval.</param>
/// <param name="DegreesOfFreedom">Welch-Satterthwaite degrees of freedom of that standard error; null without an interval.</param>
public sealed record GainEstimate(
    double Factor,
    double? CiLow95,
    double? CiHigh95,
    string Method,
    int BaselineCount,
    int TargetCount,
    double? LogStandardError = null,
    double? DegreesOfFreedom = null)
{
    /// <summary>What a page says where one side has a single run.</summary>
    public const string NoIntervalFromOneRun = "no interval; repeat to get one";

    /// <summary>Whether the gain has a 95% interval.</summary>
    public bool HasInterval => CiLow95 is not null && CiHigh95 is not null;

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
            throw new ArgumentException("An interval from repeated runs needs at least two runs of each configuration.");
        }

        RequirePositive(baselineEfficiencies, nameof(baselineEfficiencies));
        RequirePositive(targetEfficiencies, nameof(targetEfficiencies));
        return FromRunMoments(Moments(baselineEfficiencies), Moments(targetEfficiencies));
    }

    /// <summary>
    /// The gain from the log moments of each side's runs (as the per-setting aggregates keep them). With two or more runs a
    /// side, as <see cref="FromRepeatedRuns"/>; with one run on a side, the ratio alone: one run says nothing of how much
    /// the next one would differ, so there is no interval until the runs are repeated.
    /// </summary>
    public static GainEstimate FromRunMoments(LogMoments baseline, LogMoments target)
    {
        if (baseline.Count < 1 || target.Count < 1)
        {
            throw new ArgumentException("Each side needs at least one run.");
        }

        var difference = target.Mean - baseline.Mean;
        int nA = baseline.Count, nB = target.Count;
        if (nA < 2 || nB < 2)
        {
            var which = nA < 2 && nB < 2 ? "one run each" : nA < 2 ? "one baseline run" : "one target run";
            return new GainEstimate(Math.Exp(difference), null, null,
                $"Ratio of the geometric means of {nB} target and {nA} baseline runs; {which}: {NoIntervalFromOneRun}.", nA, nB);
        }

        var shareA = baseline.Variance / nA;
        var shareB = target.Variance / nB;
        var standardError = Math.Sqrt(shareA + shareB);
        if (standardError == 0)
        {
            return new GainEstimate(Math.Exp(difference), Math.Exp(difference), Math.Exp(difference),
                $"Ratio of geometric means of {nB} target and {nA} baseline runs; every run of each gave the same figure, so the interval is the point.",
                nA, nB, 0, nA + nB - 2);
        }

        var degreesOfFreedom = Math.Pow(shareA + shareB, 2) / (shareA * shareA / (nA - 1) + shareB * shareB / (nB - 1));
        var t = StudentTDistribution.Quantile(0.975, degreesOfFreedom);
        return new GainEstimate(
            Math.Exp(difference),
            Math.Exp(difference - t * standardError),
            Math.Exp(difference + t * standardError),
            $"Ratio of geometric means of {nB} target and {nA} baseline runs; 95% Welch t-interval on log efficiencies " +
            $"(t = {t:0.###}, {degreesOfFreedom:0.#} degrees of freedom), exponentiated.",
            nA, nB, standardError, degreesOfFreedom);
    }

    private static LogMoments Moments(IEnumerable<double> values) => values.Aggregate(default(LogMoments), (sum, v) => sum + LogMoments.Of(v));

    private static void RequirePositive(IEnumerable<double> values, string name)
    {
        if (values.Any(v => !(v > 0) || !double.IsFinite(v)))
        {
            throw new ArgumentException("Efficiencies must be positive, finite numbers.", name);
        }
    }
}
