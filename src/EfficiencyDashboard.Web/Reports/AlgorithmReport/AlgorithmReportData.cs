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
        (var speedUp, baselineRuns, variantRuns) = await SpeedUpAsync(db, setting, baselineRuns, variantRuns, cancellationToken);
        var (energyGain, energyNote) = EnergyGain(baselineRuns, variantRuns);
        return new AlgorithmComparison(
            baseline, variant, variant.ParentId is null, setting, hardware, speedUp, energyGain, energyNote,
            baselineRuns.Select(r => r.RunId).ToList(), variantRuns.Select(r => r.RunId).ToList(),
            baselineRuns.Concat(variantRuns).Where(r => !r.IsValid).Select(r => r.RunId).ToList());
    }

    /// <summary>
    /// Throughput of the target runs over the baseline runs of one setting, and the runs it stands on: with two or more
    /// runs a side, their ratio of geometric means with a Welch interval; otherwise the latest run of each side, with a
    /// bootstrap over their per-query latencies (only those two runs' samples are read), or a plain ratio without samples.
    /// </summary>
    /// <param name="baselineRuns">The baseline's runs, newest first.</param>
    /// <param name="targetRuns">The target's runs, newest first.</param>
    public static async Task<(GainEstimate SpeedUp, List<RunFigure> BaselineRuns, List<RunFigure> TargetRuns)> SpeedUpAsync(
        EfficiencyContext db, MeasuredSetting setting, List<RunFigure> baselineRuns, List<RunFigure> targetRuns, CancellationToken cancellationToken)
    {
        if (baselineRuns.Count >= 2 && targetRuns.Count >= 2)
        {
            return (GainEstimate.FromRepeatedRuns(
                baselineRuns.Select(r => r.ThroughputPerSecond).ToList(), targetRuns.Select(r => r.ThroughputPerSecond).ToList()), baselineRuns, targetRuns);
        }

        baselineRuns = baselineRuns.Take(1).ToList();
        targetRuns = targetRuns.Take(1).ToList();
        var baselineMs = await RunFigures.LatenciesAsync(db, baselineRuns[0].RunId, cancellationToken);
        var targetMs = await RunFigures.LatenciesAsync(db, targetRuns[0].RunId, cancellationToken);
        var speedUp = baselineMs.Count > 0 && targetMs.Count > 0
            ? GainEstimate.FromLatencySamples(baselineMs, setting.BatchSize, targetMs, setting.BatchSize)
            : GainEstimate.FromSingleValues(baselineRuns[0].ThroughputPerSecond, targetRuns[0].ThroughputPerSecond);
        return (speedUp, baselineRuns, targetRuns);
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
