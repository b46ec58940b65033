using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Web.Reports.Measured;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Reports.AlgorithmReport;

/// <summary>
/// What the algorithms page shows: each variant and each distilled student against its parent or teacher, wherever both
/// were measured in the same setting (<see cref="AlgorithmComparisons"/>), from the per-setting aggregates.
/// </summary>
/// <param name="VariantCount">Variants and students in the catalog, measured or not.</param>
/// <param name="Comparisons">The comparisons the filters keep, by technique then variant.</param>
/// <param name="Settings">Every setting in which some comparison was measured (for the filters).</param>
/// <param name="HardwareNames">Names of the machines, by hardware id.</param>
public sealed record AlgorithmReportData(
    AlgorithmFilters Filters,
    int VariantCount,
    IReadOnlyList<AlgorithmComparison> Comparisons,
    IReadOnlyList<MeasuredSetting> Settings,
    IReadOnlyDictionary<int, string> HardwareNames)
{
    public static async Task<AlgorithmReportData> LoadAsync(EfficiencyContext db, AlgorithmFilters filters, CancellationToken cancellationToken = default)
    {
        var measured = await MeasuredSettings.LoadAsync(db, filters.Runs, cancellationToken);
        var all = AlgorithmComparisons.From(measured);
        var shown = all.Where(c => filters.Includes(c.Setting)).ToList();
        shown = await WithEnergyReasonsAsync(db, shown, cancellationToken);
        return new AlgorithmReportData(
            filters,
            measured.Models.Values.Count(m => m.ParentId is not null || m.TeacherId is not null),
            shown,
            [.. all.Select(c => c.Setting).Distinct()],
            measured.Machines.ToDictionary(m => m.Key, m => m.Value.Name));
    }

    /// <summary>Why a side measured no energy, from its newest run's stored reason: one query for every comparison shown.</summary>
    private static async Task<List<AlgorithmComparison>> WithEnergyReasonsAsync(
        EfficiencyContext db, List<AlgorithmComparison> comparisons, CancellationToken cancellationToken)
    {
        var sides = comparisons.Where(c => c.EnergyGain is null).Select(c => c.BaselineRuns.LatestRunId).ToList();
        sides.AddRange(comparisons.Where(c => c.EnergyGain is null).Select(c => c.VariantRuns.LatestRunId));
        var ids = sides.Distinct().ToList();
        var reasons = await db.RunResults.AsNoTracking().Where(x => ids.Contains(x.RunId))
            .Select(x => new { x.RunId, x.EnergyPerInferenceJ, x.EnergyReason }).ToDictionaryAsync(x => x.RunId, cancellationToken);
        return [.. comparisons.Select(c =>
        {
            if (c.EnergyGain is not null)
            {
                return c;
            }

            var (side, run) = reasons.TryGetValue(c.BaselineRuns.LatestRunId, out var b) && b.EnergyPerInferenceJ is null
                ? ("baseline", b)
                : ("variant", reasons.GetValueOrDefault(c.VariantRuns.LatestRunId));
            return c with { EnergyNotMeasured = $"Not measured: {side} run {run?.RunId}: {run?.EnergyReason ?? "no energy figure"}" };
        })];
    }
}
