using System.Globalization;
using EfficiencyDashboard.Core.ReferenceData;

namespace EfficiencyDashboard.Core.Reports;

/// <summary>
/// Trends in the MLPerf Inference reference results: best per-accelerator throughput and best system samples per joule,
/// per accelerator and round, and the gain over two years. Reference data only, never mixed with measured runs.
/// </summary>
public sealed class MlperfTrends(ReferenceDataSet data)
{
    private const double DaysPerYear = 365.2425;

    /// <summary>For each accelerator and round, the best per-accelerator throughput and the best system samples per joule.</summary>
    /// <remarks>
    /// Accelerators are grouped by their catalog name where the submitter's name matches the catalog, so
    /// <c>NVIDIA A100-SXM-80GB</c> and <c>NVIDIA A100-SXM4-80GB</c> are one accelerator. CPU-only systems have no
    /// per-accelerator figure and are left out.
    /// </remarks>
    public IReadOnlyList<MlperfRoundBest> BestByAcceleratorAndRound(MlperfSelection selection)
    {
        var unit = ThroughputUnit(selection);
        var throughput = PerAcceleratorThroughput(selection)
            .GroupBy(f => (f.Accelerator, f.Round))
            .ToDictionary(g => g.Key, g => g.MaxBy(f => f.Value)!);
        var energy = SystemSamplesPerJoule(selection)
            .GroupBy(f => (f.Accelerator, f.Round))
            .ToDictionary(g => g.Key, g => g.MaxBy(f => f.Value)!);

        return throughput.Keys.Union(energy.Keys)
            .Select(key =>
            {
                var best = throughput.GetValueOrDefault(key);
                var power = energy.GetValueOrDefault(key);
                var published = best?.Published ?? power!.Published;
                return new MlperfRoundBest(
                    key.Accelerator, data.Accelerators.Find(key.Accelerator) is not null, selection.Benchmark, selection.Scenario,
                    key.Round, published,
                    best?.Value, best is null ? null : unit, best is null ? null : $"{best.Submitter} {best.SystemId}",
                    power?.Value, power is null ? null : $"{power.Submitter} {power.SystemId}");
            })
            .OrderBy(b => b.Accelerator, StringComparer.Ordinal).ThenBy(b => b.Published)
            .ToList();
    }

    /// <summary>The best per-accelerator throughput of each round (any accelerator), oldest round first.</summary>
    public IReadOnlyList<MlperfRoundFigure> BestThroughputPerRound(MlperfSelection selection) =>
        BestPerRound(PerAcceleratorThroughput(selection));

    /// <summary>The best whole-system samples per joule of each round, oldest round first.</summary>
    public IReadOnlyList<MlperfRoundFigure> BestSamplesPerJoulePerRound(MlperfSelection selection) =>
        BestPerRound(SystemSamplesPerJoule(selection));

    /// <summary>
    /// The two-year reference gain at <paramref name="asOf"/>: the best figure of the latest round published on or
    /// before it, against the best figure of the earlier round whose publication date is closest to two years before
    /// that round's (the earlier of two equally close). Throughput and samples per joule choose their rounds separately,
    /// since not every round has power results; each comparison names its rounds and their distance in years.
    /// </summary>
    public MlperfTwoYearGain TwoYearGain(MlperfSelection selection, DateOnly asOf)
    {
        return new MlperfTwoYearGain(
            selection,
            asOf,
            Compare($"best throughput per accelerator ({ThroughputUnit(selection)})", BestThroughputPerRound(selection), asOf),
            Compare("best whole-system samples per joule (throughput per watt, host included)", BestSamplesPerJoulePerRound(selection), asOf));
    }

    private static MlperfRoundComparison Compare(string metric, IReadOnlyList<MlperfRoundFigure> rounds, DateOnly asOf)
    {
        var current = rounds.LastOrDefault(r => r.Published <= asOf);
        if (current is null)
        {
            return new MlperfRoundComparison(metric, null, null, null, null, null,
                $"No round with a {metric} on or before {asOf:yyyy-MM-dd}.");
        }

        var target = current.Published.AddYears(-2);
        var earlier = rounds
            .Where(r => r.Published < current.Published)
            .OrderBy(r => Math.Abs(r.Published.DayNumber - target.DayNumber))
            .ThenBy(r => r.Published)
            .FirstOrDefault();
        if (earlier is null)
        {
            return new MlperfRoundComparison(metric, current, null, null, null, null,
                $"No round with a {metric} before {current.Round} ({current.Published:yyyy-MM-dd}).");
        }

        var gain = current.Value / earlier.Value;
        var span = (current.Published.DayNumber - earlier.Published.DayNumber) / DaysPerYear;
        var perTwoYears = Math.Pow(gain, 2 / span);
        var description = string.Create(CultureInfo.InvariantCulture,
            $"{Capitalise(metric)}, {current.Round} ({current.Published:yyyy-MM-dd}) against {earlier.Round} ({earlier.Published:yyyy-MM-dd}), " +
            $"{span:0.00} years apart: {current.Value:#,0.###} ({current.Accelerator}, {current.Submitter} {current.SystemId}) / " +
            $"{earlier.Value:#,0.###} ({earlier.Accelerator}, {earlier.Submitter} {earlier.SystemId}) = {gain:0.00}x ({perTwoYears:0.00}x per two years).");
        return new MlperfRoundComparison(metric, current, earlier, gain, span, perTwoYears, description);
    }

    private IEnumerable<MlperfRoundFigure> PerAcceleratorThroughput(MlperfSelection selection) =>
        data.MlperfResults
            .Where(selection.Includes)
            .Where(r => r.ResultPerAccelerator is not null)
            .Select(r => new MlperfRoundFigure(r.Round, r.Published, r.ResultPerAccelerator!.Value, AcceleratorKey(r.Accelerator), r.Submitter, r.SystemId));

    private string ThroughputUnit(MlperfSelection selection) =>
        (data.MlperfResults.Where(selection.Includes).Select(r => r.Unit).FirstOrDefault(u => u.Length > 0) ?? "Result") + " per accelerator";

    private IEnumerable<MlperfRoundFigure> SystemSamplesPerJoule(MlperfSelection selection) =>
        data.MlperfPowerResults
            .Where(selection.Includes)
            .Select(p => new MlperfRoundFigure(p.Round, p.Published, p.SamplesPerJoule, AcceleratorKey(p.Accelerator), p.Submitter, p.SystemId));

    // Ties go to the first row in file order, so the system named is stable.
    private static List<MlperfRoundFigure> BestPerRound(IEnumerable<MlperfRoundFigure> figures) =>
        figures.GroupBy(f => f.Round).Select(g => g.MaxBy(f => f.Value)!).OrderBy(f => f.Published).ToList();

    private string AcceleratorKey(string submitted) => data.Accelerators.Find(submitted)?.Accelerator ?? submitted.Trim();

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
