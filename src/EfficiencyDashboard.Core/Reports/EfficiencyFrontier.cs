namespace EfficiencyDashboard.Core.Reports;

/// <summary>
/// The efficiency frontier of a task: at each date, the best figure (highest samples/J, or throughput per watt)
/// measured or published on or before it. The frontier never falls, so a later, worse figure does not lower it.
/// </summary>
public sealed class EfficiencyFrontier
{
    /// <summary>Builds the frontier of <paramref name="points"/>, all in one unit.</summary>
    public EfficiencyFrontier(IEnumerable<DatedValue> points)
    {
        var steps = new List<FrontierStep>();
        FrontierStep? best = null;
        foreach (var day in points.GroupBy(p => p.Date).OrderBy(g => g.Key))
        {
            // Ties on a date go to the first given, so the provenance shown is stable.
            var top = day.OrderByDescending(p => p.Value).First();
            var isNewBest = best is null || top.Value > best.BestValue;
            best = isNewBest
                ? new FrontierStep(day.Key, top.Value, top.ProvenanceId, day.Key, true)
                : best! with { Date = day.Key, IsNewBest = false };
            steps.Add(best);
        }

        Steps = steps;
    }

    /// <summary>One step per date with a figure, oldest first.</summary>
    public IReadOnlyList<FrontierStep> Steps { get; }

    /// <summary>The frontier at <paramref name="date"/>: the last step on or before it; null before the first figure.</summary>
    public FrontierStep? BestAt(DateOnly date) => Steps.LastOrDefault(s => s.Date <= date);

    /// <summary>
    /// Best at <paramref name="asOf"/> / best at <paramref name="asOf"/> minus two years. The factor is null, with the
    /// reason, when there is no figure on or before the earlier date: the gain is never computed from a later start.
    /// </summary>
    public FrontierGain TwoYearGain(DateOnly asOf)
    {
        var earlierDate = asOf.AddYears(-2);
        var current = BestAt(asOf);
        var earlier = BestAt(earlierDate);
        if (current is null)
        {
            return new FrontierGain(asOf, earlierDate, null, null, null, $"No figure on or before {asOf:yyyy-MM-dd}.");
        }

        if (earlier is null)
        {
            return new FrontierGain(asOf, earlierDate, null, current, null,
                $"No figure on or before {earlierDate:yyyy-MM-dd}, two years earlier; the first is from {Steps[0].Date:yyyy-MM-dd}.");
        }

        return new FrontierGain(asOf, earlierDate, current.BestValue / earlier.BestValue, current, earlier, null);
    }
}
