using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Reports.DecompositionReport;

/// <summary>The succeeded runs of one model on one machine and provider, with one batch size and scenario, aggregated in SQL.</summary>
/// <param name="MeanThroughputPerSecond">Arithmetic mean of the runs' samples per second.</param>
/// <param name="MeanSamplesPerJoule">Mean of 1 / energy per inference over the runs that measured energy; null when none did.</param>
public sealed record MeasuredConfiguration(
    int HardwareId,
    ExecutionProvider Provider,
    int ModelId,
    int BatchSize,
    Scenario Scenario,
    int Runs,
    double MeanThroughputPerSecond,
    double? MeanSamplesPerJoule,
    DateTime FirstRunUtc)
{
    public double? Efficiency(DecompositionMetric metric) =>
        metric == DecompositionMetric.SamplesPerJoule ? MeanSamplesPerJoule : MeanThroughputPerSecond;

    /// <summary>One row per (machine, provider, model, batch size, scenario) with at least one succeeded run.</summary>
    public static async Task<List<MeasuredConfiguration>> LoadAsync(EfficiencyContext db, CancellationToken cancellationToken = default)
    {
        // Join first, then group: one pass over the covering indexes, not one correlated subquery per group and aggregate.
        var rows = await (
                from r in db.Runs.AsNoTracking()
                join x in db.RunResults.AsNoTracking() on r.Id equals x.RunId
                where r.Status == RunStatus.Succeeded && r.HardwareId != null
                select new { r.HardwareId, r.ExecutionProvider, r.ModelId, r.BatchSize, r.Scenario, r.CreatedAtUtc, x.ThroughputPerSecond, x.EnergyPerInferenceJ })
            .GroupBy(r => new { r.HardwareId, r.ExecutionProvider, r.ModelId, r.BatchSize, r.Scenario })
            .Select(g => new
            {
                g.Key.HardwareId, g.Key.ExecutionProvider, g.Key.ModelId, g.Key.BatchSize, g.Key.Scenario,
                Runs = g.Count(),
                Throughput = g.Average(r => r.ThroughputPerSecond),
                SamplesPerJoule = g.Average(r => 1.0 / r.EnergyPerInferenceJ),
                First = g.Min(r => r.CreatedAtUtc),
            })
            .OrderBy(g => g.HardwareId).ThenBy(g => g.ExecutionProvider).ThenBy(g => g.ModelId).ThenBy(g => g.BatchSize).ThenBy(g => g.Scenario)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new MeasuredConfiguration(
            r.HardwareId!.Value, r.ExecutionProvider, r.ModelId, r.BatchSize, r.Scenario, r.Runs, r.Throughput, r.SamplesPerJoule, r.First)).ToList();
    }

    /// <summary>The latest run ids of one configuration, newest first.</summary>
    public Task<List<long>> RunIdsAsync(EfficiencyContext db, int take, CancellationToken cancellationToken = default) =>
        db.Runs.AsNoTracking()
            .Where(r => r.Status == RunStatus.Succeeded && r.ModelId == ModelId && r.HardwareId == HardwareId && r.ExecutionProvider == Provider
                && r.BatchSize == BatchSize && r.Scenario == Scenario && db.RunResults.Any(x => x.RunId == r.Id))
            .OrderByDescending(r => r.Id).Take(take).Select(r => r.Id)
            .ToListAsync(cancellationToken);
}
