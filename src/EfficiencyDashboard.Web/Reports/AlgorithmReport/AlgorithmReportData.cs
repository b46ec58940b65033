using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Reports.AlgorithmReport;

/// <summary>
/// What the algorithms page shows: each variant and each distilled student against its parent or teacher, wherever both
/// were measured with the same setting. Runs are counted and read in SQL, the latest <see cref="RunFigures.MaxRunsPerGroup"/>
/// per model and setting; latency samples are read only for the two runs of a comparison with a single run a side.
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
        var variants = await Compared(db.Models.Where(m => m.ParentId != null || m.TeacherId != null)).ToListAsync(cancellationToken);
        var baselineIds = variants.Select(BaselineOf).Distinct().ToList();
        var baselines = await Compared(db.Models.Where(m => baselineIds.Contains(m.Id))).ToDictionaryAsync(m => m.Id, cancellationToken);
        var hardware = await HardwareLabel.LoadAsync(db, cancellationToken);
        var modelIds = variants.Select(v => v.Id).Union(baselineIds).ToList();

        var counts = await RunFigures.CountAsync(db, modelIds, cancellationToken);
        var pairs = variants
            .Where(v => baselines.ContainsKey(BaselineOf(v)))
            .SelectMany(v => counts.Keys.Where(k => k.ModelId == v.Id && counts.ContainsKey((BaselineOf(v), k.Setting)))
                .Select(k => (Variant: v, Baseline: baselines[BaselineOf(v)], k.Setting)))
            .ToList();
        if (pairs.Count == 0)
        {
            return new AlgorithmReportData(filters, variants.Count, [], [], hardware);
        }

        // Only the groups of the comparisons the filters keep are read.
        var shown = pairs.Where(p => filters.Includes(p.Setting)).ToList();
        var latest = await RunFigures.LatestAsync(
            db, shown.SelectMany(p => new[] { (p.Baseline.Id, p.Setting), (p.Variant.Id, p.Setting) }), cancellationToken);
        var comparisons = new List<AlgorithmComparison>();
        foreach (var (variant, baseline, setting) in shown)
        {
            comparisons.Add(await CompareAsync(db, baseline, variant, setting, HardwareLabel.Of(hardware, setting.HardwareId),
                latest[(baseline.Id, setting)].ToList(), latest[(variant.Id, setting)].ToList(), cancellationToken));
        }

        return new AlgorithmReportData(
            filters,
            variants.Count,
            comparisons.OrderBy(c => c.Variant.Technique).ThenBy(c => c.Variant.Name, StringComparer.Ordinal).ThenBy(c => c.Setting.BatchSize).ToList(),
            pairs.Select(p => p.Setting).Distinct().ToList(),
            hardware);
    }

    private static async Task<AlgorithmComparison> CompareAsync(
        EfficiencyContext db, ComparedModel baseline, ComparedModel variant, MeasuredSetting setting, string hardware,
        List<RunFigure> baselineRuns, List<RunFigure> variantRuns, CancellationToken cancellationToken)
    {
        GainEstimate speedUp;
        if (baselineRuns.Count >= 2 && variantRuns.Count >= 2)
        {
            speedUp = GainEstimate.FromRepeatedRuns(
                baselineRuns.Select(r => r.ThroughputPerSecond).ToList(), variantRuns.Select(r => r.ThroughputPerSecond).ToList());
        }
        else
        {
            // One run on a side: the interval comes from the queries of the latest run of each side, and only those are read.
            baselineRuns = baselineRuns.Take(1).ToList();
            variantRuns = variantRuns.Take(1).ToList();
            var baselineMs = await RunFigures.LatenciesAsync(db, baselineRuns[0].RunId, cancellationToken);
            var variantMs = await RunFigures.LatenciesAsync(db, variantRuns[0].RunId, cancellationToken);
            speedUp = baselineMs.Count > 0 && variantMs.Count > 0
                ? GainEstimate.FromLatencySamples(baselineMs, setting.BatchSize, variantMs, setting.BatchSize)
                : GainEstimate.FromSingleValues(baselineRuns[0].ThroughputPerSecond, variantRuns[0].ThroughputPerSecond);
        }

        var (energyGain, energyNote) = EnergyGain(baselineRuns, variantRuns);
        return new AlgorithmComparison(
            baseline, variant, variant.ParentId is null, setting, hardware, speedUp, energyGain, energyNote,
            baselineRuns.Select(r => r.RunId).ToList(), variantRuns.Select(r => r.RunId).ToList(),
            baselineRuns.Concat(variantRuns).Count(r => !r.IsValid));
    }

    /// <summary>Samples per joule, variant over baseline; or why it cannot be given.</summary>
    private static (GainEstimate? Gain, string? NotMeasured) EnergyGain(List<RunFigure> baselineRuns, List<RunFigure> variantRuns)
    {
        var baseline = baselineRuns.Where(r => r.SamplesPerJoule is not null).Select(r => r.SamplesPerJoule!.Value).ToList();
        var variant = variantRuns.Where(r => r.SamplesPerJoule is not null).Select(r => r.SamplesPerJoule!.Value).ToList();
        if (baseline.Count >= 2 && variant.Count >= 2)
        {
            return (GainEstimate.FromRepeatedRuns(baseline, variant), null);
        }

        if (baseline.Count >= 1 && variant.Count >= 1)
        {
            return (GainEstimate.FromSingleValues(baseline[0], variant[0]), null);
        }

        var unmeasured = baseline.Count == 0 ? baselineRuns[0] : variantRuns[0];
        var side = baseline.Count == 0 ? "baseline" : "variant";
        return (null, $"Not measured: {side} run {unmeasured.RunId}: {unmeasured.EnergyReason}");
    }

    private static int BaselineOf(ComparedModel variant) => variant.ParentId ?? variant.TeacherId!.Value;

    private static IQueryable<ComparedModel> Compared(IQueryable<Core.Catalog.Model> models) =>
        models.AsNoTracking().Select(m => new ComparedModel(
            m.Id, m.Name, m.Technique, m.TechniqueParameters, m.ParameterCount, m.MacsPerSample, m.Fidelity, m.ReferenceQuality,
            m.ParentId, m.TeacherId));
}
