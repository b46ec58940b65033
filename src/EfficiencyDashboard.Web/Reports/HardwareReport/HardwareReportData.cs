using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.ReferenceData;
using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Web.Reports.Measured;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Reports.HardwareReport;

/// <summary>
/// The hardware report: MLPerf reference trends per accelerator, datasheet trends with doubling times (reference), and
/// this install's hosts with their best measured ResNet-family throughput (measured). The two are never mixed.
/// </summary>
/// <param name="Filters">The benchmark shown.</param>
/// <param name="Selection">The MLPerf results compared (Offline, closed division, datacenter systems).</param>
/// <param name="Accelerators">One trend per accelerator, best per round.</param>
/// <param name="TwoYearGain">Best of the latest round against the round closest to two years earlier; null without reference data.</param>
/// <param name="PeakFp16">Peak FP16 tensor TFLOPS (dense) by announcement date.</param>
/// <param name="MemoryBandwidth">Memory bandwidth (TB/s) by announcement date.</param>
/// <param name="Measured">Best measured throughput per host, ResNet-family image model and provider.</param>
/// <param name="Hardware">Every machine of this install.</param>
/// <param name="ReferenceVersion">Content hash of the loaded reference files; null when none are loaded.</param>
public sealed record HardwareReportData(
    HardwareReportFilters Filters,
    MlperfSelection Selection,
    IReadOnlyList<AcceleratorTrend> Accelerators,
    MlperfTwoYearGain? TwoYearGain,
    SpecTrend PeakFp16,
    SpecTrend MemoryBandwidth,
    IReadOnlyList<MeasuredHostFigure> Measured,
    IReadOnlyList<HardwareRow> Hardware,
    string? ReferenceVersion)
{
    /// <summary>Loads the report; every query filters or aggregates in the database.</summary>
    public static async Task<HardwareReportData> LoadAsync(EfficiencyContext db, HardwareReportFilters filters, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var selection = new MlperfSelection(filters.Benchmark);
        var reference = await LoadReferenceAsync(db, selection, cancellationToken);
        var trends = new MlperfTrends(reference);
        var accelerators = trends.BestByAcceleratorAndRound(selection)
            .GroupBy(b => b.Accelerator)
            .Select(g => new AcceleratorTrend(g.Key, g.OrderBy(b => b.Published).ToList()))
            .OrderBy(t => t.Accelerator, StringComparer.Ordinal)
            .ToList();
        var specs = reference.Accelerators.Accelerators;

        return new HardwareReportData(
            filters,
            selection,
            accelerators,
            reference.MlperfResults.Count == 0 ? null : trends.TwoYearGain(selection, asOf),
            SpecTrend.Fit("Peak FP16 tensor TFLOPS (dense)", Points(specs, a => a.Fp16TensorTflopsDense)),
            SpecTrend.Fit("Memory bandwidth (TB/s)", Points(specs, a => a.MemoryBandwidthTbs)),
            await LoadMeasuredAsync(db, await MeasuredSettings.LoadAsync(db, filters.Runs, cancellationToken), cancellationToken),
            await LoadHardwareAsync(db, cancellationToken),
            reference.ContentVersion.Length == 0 ? null : reference.ContentVersion);
    }

    /// <summary>Only the selected benchmark's Offline rows (a few hundred) and the accelerator catalog.</summary>
    private static async Task<ReferenceDataSet> LoadReferenceAsync(EfficiencyContext db, MlperfSelection selection, CancellationToken cancellationToken)
    {
        // "resnet" is how a few submitters wrote resnet50; MlperfSelection counts it as resnet50.
        var names = selection.Benchmark == "resnet50" ? new[] { "resnet50", "resnet" } : [selection.Benchmark];
        var results = await db.ReferenceMlperfResults.AsNoTracking()
            .Where(r => names.Contains(r.Benchmark) && r.Scenario == selection.Scenario)
            .ToListAsync(cancellationToken);
        var power = await db.ReferenceMlperfPower.AsNoTracking()
            .Where(p => names.Contains(p.Benchmark))
            .ToListAsync(cancellationToken);
        var accelerators = await db.ReferenceAccelerators.AsNoTracking().ToListAsync(cancellationToken);
        var version = await db.ReferenceDataVersions.AsNoTracking()
            .OrderByDescending(v => v.Id).Select(v => v.ContentVersion).FirstOrDefaultAsync(cancellationToken);
        return new ReferenceDataSet(new AcceleratorCatalog(accelerators), results, power, version ?? "");
    }

    private static List<SpecPoint> Points(IEnumerable<AcceleratorSpec> specs, Func<AcceleratorSpec, double?> figure) =>
        specs.Where(a => figure(a) is > 0)
            .Select(a => new SpecPoint(a.Accelerator, a.AnnouncedMonth, figure(a)!.Value, a.Check, a.Source))
            .OrderBy(p => p.AnnouncedMonth)
            .ToList();

    /// <summary>
    /// Best throughput (and, separately, best samples per joule) per host, ResNet-family image model and provider as run,
    /// from the per-setting aggregates: counted results only (VALID ones unless the filters include INVALID), never Server.
    /// </summary>
    private static async Task<List<MeasuredHostFigure>> LoadMeasuredAsync(EfficiencyContext db, MeasuredSettings measured, CancellationToken cancellationToken)
    {
        var groups = measured.Settings
            .Where(s => s.ComparesThroughput && measured.Models.TryGetValue(s.Key.ModelId, out var m)
                && m.Family == ModelFamily.ResNet && m.Task.StartsWith("image", StringComparison.Ordinal))
            .GroupBy(s => (s.Key.HardwareId, s.Key.ModelId, s.Key.Provider))
            .Select(g => (
                Fastest: g.OrderByDescending(s => s.MaxThroughputPerSecond).ThenBy(s => s.MaxThroughputRunId).First(),
                Frugal: g.Where(s => s.MaxSamplesPerJoule is not null).OrderByDescending(s => s.MaxSamplesPerJoule).ThenBy(s => s.MaxSamplesPerJouleRunId).FirstOrDefault()))
            .ToList();
        // When each best run was measured: one query for those runs alone.
        var ids = groups.Select(g => g.Fastest.MaxThroughputRunId).ToList();
        var measuredAt = await db.RunResults.AsNoTracking().Where(x => ids.Contains(x.RunId))
            .ToDictionaryAsync(x => x.RunId, x => x.MeasuredAtUtc, cancellationToken);
        return groups
            .Select(g =>
            {
                var (fastest, frugal) = g;
                var model = measured.Models[fastest.Key.ModelId];
                return new MeasuredHostFigure(
                    fastest.MaxThroughputRunId, measured.Machines.GetValueOrDefault(fastest.Key.HardwareId)?.MachineName ?? Machine.Unknown,
                    model.Name, model.MacsPerSample, fastest.Key.Provider, fastest.Key.BatchSize, fastest.MaxThroughputPerSecond,
                    frugal?.MaxSamplesPerJoule, frugal?.MaxSamplesPerJouleRunId, frugal?.EnergySource,
                    measuredAt.GetValueOrDefault(fastest.MaxThroughputRunId, fastest.LastMeasuredAtUtc),
                    MeasuredHostFigure.DescribeComparability(model.Name, model.MacsPerSample));
            })
            .OrderBy(f => f.MachineName, StringComparer.Ordinal).ThenBy(f => f.ModelName, StringComparer.Ordinal).ThenBy(f => f.Provider)
            .ToList();
    }

    private static async Task<List<HardwareRow>> LoadHardwareAsync(EfficiencyContext db, CancellationToken cancellationToken)
    {
        // Counted results per machine, VALID and INVALID, from the aggregates rather than a count over every run.
        var succeeded = await db.SettingAggregates.AsNoTracking()
            .GroupBy(a => a.HardwareId)
            .Select(g => new { Id = g.Key, Count = g.Sum(a => a.Runs) })
            .ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);
        var machines = await db.Hardware.AsNoTracking().OrderByDescending(h => h.LastSeenAtUtc).ToListAsync(cancellationToken);
        return machines
            .Select(h => new HardwareRow(
                h.Id, h.MachineName, h.CpuModel, h.LogicalCores, h.GpuName, h.GpuCount, h.GpuUnavailableReason, h.ExecutionProviders,
                h.AcceleratorName, succeeded.GetValueOrDefault(h.Id), h.LastSeenAtUtc))
            .ToList();
    }
}
