using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Reports.ArchitectureReport;

/// <summary>
/// The architecture report: each model's best measured samples per second and samples per joule at one batch size and
/// execution provider (as run), beside its size (parameters, FLOPs per sample) and family. Measured data only.
/// </summary>
/// <param name="Filters">The batch size and provider compared.</param>
/// <param name="Models">One point per model with at least one succeeded run under the filters.</param>
/// <param name="BatchSizes">Batch sizes with succeeded runs, for the filter.</param>
/// <param name="Providers">Providers that actually ran succeeded runs, for the filter.</param>
public sealed record ArchitectureReportData(
    ArchitectureReportFilters Filters,
    IReadOnlyList<ArchitecturePoint> Models,
    IReadOnlyList<int> BatchSizes,
    IReadOnlyList<ExecutionProvider> Providers)
{
    /// <summary>Loads the report, grouping by model in the database.</summary>
    public static async Task<ArchitectureReportData> LoadAsync(EfficiencyContext db, ArchitectureReportFilters filters, CancellationToken cancellationToken = default)
    {
        var succeeded = db.Runs.AsNoTracking().Where(r => r.Status == RunStatus.Succeeded && r.Result != null);
        var runs = succeeded.Where(r => r.BatchSize == filters.BatchSize && r.Result!.ActualExecutionProvider == filters.Provider);

        var fastest = await runs
            .GroupBy(r => r.ModelId)
            .Select(g => new
            {
                ModelId = g.Key,
                RunCount = g.Count(),
                Best = g.OrderByDescending(r => r.Result!.ThroughputPerSecond).ThenBy(r => r.Id)
                    .Select(r => new { r.Id, r.Result!.ThroughputPerSecond })
                    .First(),
            })
            .ToListAsync(cancellationToken);

        var efficient = await runs
            .Where(r => r.Result!.EnergyPerInferenceJ > 0)
            .GroupBy(r => r.ModelId)
            .Select(g => g.OrderBy(r => r.Result!.EnergyPerInferenceJ).ThenBy(r => r.Id)
                .Select(r => new { r.ModelId, r.Id, EnergyJ = r.Result!.EnergyPerInferenceJ!.Value })
                .First())
            .ToDictionaryAsync(e => e.ModelId, cancellationToken);

        var ids = fastest.Select(f => f.ModelId).ToList();
        var models = await db.Models.AsNoTracking()
            .Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Name, m.Family, m.Task, m.ParameterCount, m.MacsPerSample, m.FlopsPerSample })
            .ToDictionaryAsync(m => m.Id, cancellationToken);

        var points = fastest
            .Where(f => models.ContainsKey(f.ModelId))
            .Select(f =>
            {
                var m = models[f.ModelId];
                var e = efficient.GetValueOrDefault(f.ModelId);
                return new ArchitecturePoint(
                    m.Id, m.Name, m.Family, m.Task, m.ParameterCount, m.MacsPerSample, m.FlopsPerSample,
                    f.Best.ThroughputPerSecond, f.Best.Id, e is null ? null : 1 / e.EnergyJ, e?.Id, f.RunCount);
            })
            .OrderBy(p => p.Family).ThenBy(p => p.ParameterCount).ThenBy(p => p.ModelName, StringComparer.Ordinal)
            .ToList();

        var batchSizes = await succeeded.Select(r => r.BatchSize).Distinct().OrderBy(b => b).ToListAsync(cancellationToken);
        var providers = await succeeded.Select(r => r.Result!.ActualExecutionProvider).Distinct().ToListAsync(cancellationToken);
        return new ArchitectureReportData(filters, points, batchSizes, [.. providers.Order()]);
    }
}
