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
        // One pass over the covering indexes of Runs and RunResults: per model, the run count, the fastest run and the run
        // with the lowest energy per inference (ties to the lower run id), as EF Core cannot translate "first per group" in one scan.
        var succeededStatus = nameof(RunStatus.Succeeded);
        var provider = filters.Provider.ToString();
        var fastest = await db.Database.SqlQuery<BestRow>($"""
            WITH f AS (
                SELECT r.ModelId, r.Id, x.ThroughputPerSecond AS Throughput, x.EnergyPerInferenceJ AS EnergyJ
                FROM Runs AS r JOIN RunResults AS x ON x.RunId = r.Id
                WHERE r.Status = {succeededStatus} AND r.BatchSize = {filters.BatchSize} AND x.ActualExecutionProvider = {provider})
            SELECT t.ModelId, t.RunCount, t.Id AS FastestRunId, t.Throughput, e.Id AS EfficientRunId, e.EnergyJ
            FROM (SELECT ModelId, Id, Throughput, COUNT(*) OVER (PARTITION BY ModelId) AS RunCount,
                         ROW_NUMBER() OVER (PARTITION BY ModelId ORDER BY Throughput DESC, Id) AS Position
                  FROM f) AS t
            LEFT JOIN (SELECT ModelId, Id, EnergyJ, ROW_NUMBER() OVER (PARTITION BY ModelId ORDER BY EnergyJ, Id) AS Position
                       FROM f WHERE EnergyJ > 0) AS e ON e.ModelId = t.ModelId AND e.Position = 1
            WHERE t.Position = 1
            """).ToListAsync(cancellationToken);

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
                return new ArchitecturePoint(
                    m.Id, m.Name, m.Family, m.Task, m.ParameterCount, m.MacsPerSample, m.FlopsPerSample,
                    f.Throughput, f.FastestRunId, f.EfficientRunId is null ? null : 1 / f.EnergyJ!.Value, f.EfficientRunId, f.RunCount);
            })
            .OrderBy(p => p.Family).ThenBy(p => p.ParameterCount).ThenBy(p => p.ModelName, StringComparer.Ordinal)
            .ToList();

        // The filter choices: batch sizes and providers of every succeeded run with a result, in one pass.
        var choices = await (
                from r in db.Runs.AsNoTracking()
                join x in db.RunResults.AsNoTracking() on r.Id equals x.RunId
                where r.Status == RunStatus.Succeeded
                select new { r.BatchSize, x.ActualExecutionProvider })
            .Distinct()
            .ToListAsync(cancellationToken);
        var batchSizes = choices.Select(c => c.BatchSize).Distinct().Order().ToList();
        var providers = choices.Select(c => c.ActualExecutionProvider).Distinct().ToList();
        return new ArchitectureReportData(filters, points, batchSizes, [.. providers.Order()]);
    }

    private sealed class BestRow
    {
        public int ModelId { get; set; }

        public int RunCount { get; set; }

        public long FastestRunId { get; set; }

        public double Throughput { get; set; }

        public long? EfficientRunId { get; set; }

        public double? EnergyJ { get; set; }
    }
}
