using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.ReferenceData;
using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Core.Runs;
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
            await LoadMeasuredAsync(db, cancellationToken),
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

    /// <summary>Best throughput (and, separately, best samples per joule) per host, ResNet-family image model and provider as run.</summary>
    private static async Task<List<MeasuredHostFigure>> LoadMeasuredAsync(EfficiencyContext db, CancellationToken cancellationToken)
    {
        // One query: per group, the fastest run (ties to the lower id) and the run with the lowest energy per inference, over
        // the covering indexes; the wide rows are read only for the runs kept. Task LIKE 'image%' is how EF Core writes StartsWith.
        var succeeded = nameof(RunStatus.Succeeded);
        var family = nameof(ModelFamily.ResNet);
        var rows = await db.Database.SqlQuery<MeasuredRow>($"""
            WITH f AS (
                SELECT r.Id, r.HardwareId, r.ModelId, x.ActualExecutionProvider AS Provider, x.ThroughputPerSecond AS Throughput, x.EnergyPerInferenceJ AS EnergyJ
                FROM Runs AS r JOIN Models AS m ON m.Id = r.ModelId JOIN RunResults AS x ON x.RunId = r.Id
                WHERE r.Status = {succeeded} AND m.Family = {family} AND m.Task LIKE 'image%')
            SELECT t.Id, t.HardwareId, t.ModelId, r.BatchSize, x.MachineName, m.Name AS Model, m.MacsPerSample, t.Provider,
                   x.ThroughputPerSecond, x.MeasuredAtUtc, e.Id AS EfficientRunId, e.EnergyJ, ex.EnergySource
            FROM (SELECT Id, HardwareId, ModelId, Provider,
                         ROW_NUMBER() OVER (PARTITION BY HardwareId, ModelId, Provider ORDER BY Throughput DESC, Id) AS Position
                  FROM f) AS t
            JOIN Runs AS r ON r.Id = t.Id
            JOIN RunResults AS x ON x.RunId = t.Id
            JOIN Models AS m ON m.Id = t.ModelId
            LEFT JOIN (SELECT Id, HardwareId, ModelId, Provider, EnergyJ,
                              ROW_NUMBER() OVER (PARTITION BY HardwareId, ModelId, Provider ORDER BY EnergyJ, Id) AS Position
                       FROM f WHERE EnergyJ > 0) AS e
                ON e.Position = 1 AND e.HardwareId IS t.HardwareId AND e.ModelId = t.ModelId AND e.Provider = t.Provider
            LEFT JOIN RunResults AS ex ON ex.RunId = e.Id
            WHERE t.Position = 1
            """).ToListAsync(cancellationToken);

        return rows
            .Select(f =>
            {
                var provider = Enum.Parse<ExecutionProvider>(f.Provider);
                return new MeasuredHostFigure(
                    f.Id, f.MachineName, f.Model, f.MacsPerSample, provider, f.BatchSize, f.ThroughputPerSecond,
                    f.EfficientRunId is null ? null : 1 / f.EnergyJ!.Value, f.EfficientRunId,
                    f.EfficientRunId is null || f.EnergySource is null ? null : Enum.Parse<Core.Measurements.EnergySource>(f.EnergySource),
                    f.MeasuredAtUtc, MeasuredHostFigure.DescribeComparability(f.Model, f.MacsPerSample));
            })
            .OrderBy(f => f.MachineName, StringComparer.Ordinal).ThenBy(f => f.ModelName, StringComparer.Ordinal).ThenBy(f => f.Provider)
            .ToList();
    }

    private sealed class MeasuredRow
    {
        public long Id { get; set; }

        public int? HardwareId { get; set; }

        public int ModelId { get; set; }

        public int BatchSize { get; set; }

        public string MachineName { get; set; } = "";

        public string Model { get; set; } = "";

        public long MacsPerSample { get; set; }

        public string Provider { get; set; } = "";

        public double ThroughputPerSecond { get; set; }

        public DateTime MeasuredAtUtc { get; set; }

        public long? EfficientRunId { get; set; }

        public double? EnergyJ { get; set; }

        public string? EnergySource { get; set; }
    }

    private static async Task<List<HardwareRow>> LoadHardwareAsync(EfficiencyContext db, CancellationToken cancellationToken)
    {
        var succeeded = await db.Runs.AsNoTracking()
            .Where(r => r.Status == RunStatus.Succeeded && r.HardwareId != null)
            .GroupBy(r => r.HardwareId)
            .Select(g => new { Id = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);
        var machines = await db.Hardware.AsNoTracking().OrderByDescending(h => h.LastSeenAtUtc).ToListAsync(cancellationToken);
        return machines
            .Select(h => new HardwareRow(
                h.Id, h.MachineName, h.CpuModel, h.LogicalCores, h.GpuName, h.GpuCount, h.GpuUnavailableReason, h.ExecutionProviders,
                h.AcceleratorName, succeeded.GetValueOrDefault(h.Id), h.LastSeenAtUtc))
            .ToList();
    }
}
