using System.Globalization;

namespace EfficiencyDashboard.Core.Reports.Claims;

/// <summary>
/// The geometric mean of some evidence units' gains, each unit (a model in a setting) counted once, with a 95% interval.
/// </summary>
/// <param name="Factor">exp(mean of the units' ln gains).</param>
/// <param name="CiLow95">Low end of the 95% interval; null when there is none (a single unit measured once a side).</param>
/// <param name="CiHigh95">High end of the 95% interval.</param>
/// <param name="Units">How many model-and-setting units it pools.</param>
/// <param name="Method">How the interval was made, in one sentence.</param>
public sealed record CentralEstimate(double Factor, double? CiLow95, double? CiHigh95, int Units, string Method)
{
    /// <summary>Whether the estimate has a 95% interval.</summary>
    public bool HasInterval => CiLow95 is not null && CiHigh95 is not null;

    /// <summary>
    /// One unit: its own interval from repeated runs (Welch), or none. Several: a t-interval over the units' ln gains
    /// (k - 1 degrees of freedom), which holds the spread between models and settings as well as run-to-run noise; when
    /// every unit has repeated runs and their own noise, averaged, is wider than that spread, the interval uses it instead,
    /// so that a few units that happen to agree never give an interval narrower than their runs allow.
    /// </summary>
    /// <returns>The estimate; null without units.</returns>
    public static CentralEstimate? Of(IReadOnlyList<EvidenceUnit> units)
    {
        if (units.Count == 0)
        {
            return null;
        }

        var k = units.Count;
        var mean = units.Average(u => u.LogFactor);
        if (k == 1)
        {
            var unit = units[0];
            return unit.LogStandardError is { } se && unit.DegreesOfFreedom is { } df
                ? Interval(mean, se, df, 1, $"One model and setting: its Welch t-interval from repeated runs ({df:0.#} degrees of freedom).")
                : new CentralEstimate(Math.Exp(mean), null, null, 1, $"One model and setting measured once on a side: {GainEstimate.NoIntervalFromOneRun}.");
        }

        var spread = Math.Sqrt(units.Sum(u => (u.LogFactor - mean) * (u.LogFactor - mean)) / (k - 1)) / Math.Sqrt(k);
        if (units.All(u => u.LogStandardError is not null))
        {
            var noise = Math.Sqrt(units.Sum(u => u.LogStandardError!.Value * u.LogStandardError.Value)) / k;
            var df = units.Min(u => u.DegreesOfFreedom!.Value);
            if (noise > spread)
            {
                return Interval(mean, noise, df, k,
                    $"{k} models and settings, each once; t-interval from their repeated runs' noise ({df:0.#} degrees of freedom), wider than their spread.");
            }
        }

        return Interval(mean, spread, k - 1, k,
            $"{k} models and settings, each once; t-interval over their log gains ({k - 1} degrees of freedom).");
    }

    private static CentralEstimate Interval(double mean, double standardError, double degreesOfFreedom, int units, string method)
    {
        var t = StudentTDistribution.Quantile(0.975, Math.Max(1, degreesOfFreedom));
        return new CentralEstimate(Math.Exp(mean), Math.Exp(mean - t * standardError), Math.Exp(mean + t * standardError), units, method);
    }

    /// <summary>"1.85x [1.20, 2.86]", or "1.85x (no interval)".</summary>
    public override string ToString() => HasInterval
        ? string.Create(CultureInfo.InvariantCulture, $"{Factor:0.00}x [{CiLow95:0.00}, {CiHigh95:0.00}]")
        : string.Create(CultureInfo.InvariantCulture, $"{Factor:0.00}x (no interval)");
}
