using System.Globalization;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.ReferenceData;
using EfficiencyDashboard.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Reports.DecompositionReport;

/// <summary>
/// The hardware factor from public figures: best MLPerf Inference per-accelerator throughput of the target machine's
/// accelerator over the baseline machine's, in the latest round where both have a result. Reference data, and defensible
/// only for throughput (MLPerf power is whole-system) between machines matched to the accelerator catalog.
/// </summary>
/// <param name="Ratio">Target accelerator throughput / baseline accelerator throughput.</param>
/// <param name="Source">Exactly which figures: round, selection, accelerators, submitters and systems.</param>
public sealed record HardwareReferenceRatio(double Ratio, string Source)
{
    /// <summary>The ratio, or null when either machine has no catalog accelerator or no round has both.</summary>
    /// <param name="benchmark">resnet50 for image models, bert-99 for text models.</param>
    public static async Task<HardwareReferenceRatio?> LoadAsync(
        EfficiencyContext db, int baselineHardwareId, int targetHardwareId, string benchmark, CancellationToken cancellationToken = default)
    {
        var accelerators = await db.Hardware.AsNoTracking()
            .Where(h => h.Id == baselineHardwareId || h.Id == targetHardwareId)
            .ToDictionaryAsync(h => h.Id, h => h.AcceleratorName, cancellationToken);
        if (accelerators.GetValueOrDefault(baselineHardwareId) is not { } baseline
            || accelerators.GetValueOrDefault(targetHardwareId) is not { } target
            || baseline == target)
        {
            return null;
        }

        var data = new ReferenceDataSet(
            new AcceleratorCatalog(await db.ReferenceAccelerators.AsNoTracking().ToListAsync(cancellationToken)),
            await db.ReferenceMlperfResults.AsNoTracking().ToListAsync(cancellationToken),
            [],
            "database");
        var selection = new MlperfSelection(benchmark);
        var best = new MlperfTrends(data).BestByAcceleratorAndRound(selection)
            .Where(b => b.InCatalog && b.BestThroughputPerAccelerator is > 0)
            .ToLookup(b => b.Round);
        var round = best
            .Where(r => r.Any(b => b.Accelerator == baseline) && r.Any(b => b.Accelerator == target))
            .MaxBy(r => r.First().Published);
        if (round is null)
        {
            return null;
        }

        var from = round.First(b => b.Accelerator == baseline);
        var to = round.First(b => b.Accelerator == target);
        var ratio = to.BestThroughputPerAccelerator!.Value / from.BestThroughputPerAccelerator!.Value;
        return new HardwareReferenceRatio(ratio, string.Create(CultureInfo.InvariantCulture,
            $"{selection.Describe()}, round {round.Key}: {to.Accelerator} {to.BestThroughputPerAccelerator:0.#} {to.ThroughputUnit} per accelerator " +
            $"({to.ThroughputSource}) / {from.Accelerator} {from.BestThroughputPerAccelerator:0.#} ({from.ThroughputSource}) = ×{ratio:0.00}"));
    }
}
