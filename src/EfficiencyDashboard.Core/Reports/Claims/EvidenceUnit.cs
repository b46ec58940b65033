namespace EfficiencyDashboard.Core.Reports.Claims;

/// <summary>
/// One model in one setting, as the central estimates count it: once, however many times it ran and against however many
/// baselines. Its log gain is the mean of its comparisons'; its standard error the mean of theirs, as if they were fully
/// correlated (they share the model's runs), so comparing one model against two baselines never narrows the interval.
/// </summary>
/// <param name="Name">The model and setting, for the page.</param>
/// <param name="LogFactor">ln of the gain.</param>
/// <param name="LogStandardError">Standard error of <paramref name="LogFactor"/> from repeated runs; null when a side ran once.</param>
/// <param name="DegreesOfFreedom">Degrees of freedom of that standard error; null with it.</param>
public sealed record EvidenceUnit(string Name, double LogFactor, double? LogStandardError, double? DegreesOfFreedom)
{
    /// <summary>The unit of a model and setting from its comparisons, each a gain with or without an interval.</summary>
    public static EvidenceUnit From(string name, IReadOnlyList<GainEstimate> comparisons)
    {
        if (comparisons.Count == 0)
        {
            throw new ArgumentException("A unit needs at least one comparison.", nameof(comparisons));
        }

        var log = comparisons.Average(c => Math.Log(c.Factor));
        return comparisons.All(c => c.LogStandardError is not null)
            ? new EvidenceUnit(name, log, comparisons.Average(c => c.LogStandardError!.Value), comparisons.Min(c => c.DegreesOfFreedom!.Value))
            : new EvidenceUnit(name, log, null, null);
    }

    /// <summary>A published figure: a central estimate from elsewhere, without a spread of its own.</summary>
    public static EvidenceUnit Published(string name, double factor) => new(name, Math.Log(factor), null, null);
}
