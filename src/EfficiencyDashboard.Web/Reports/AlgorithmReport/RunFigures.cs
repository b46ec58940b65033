using System.Text.Json;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Reports.AlgorithmReport;

/// <summary>
/// Succeeded runs grouped by model and setting, aggregated in SQL: how many runs each group has, and the figures of its
/// latest <see cref="MaxRunsPerGroup"/> runs (enough for an interval; a report never loads every run).
/// </summary>
public static class RunFigures
{
    /// <summary>Runs per model and setting whose figures a report loads; intervals use the latest of them.</summary>
    public const int MaxRunsPerGroup = 30;

    /// <summary>Run count of each (model, setting) among <paramref name="modelIds"/>, one row per group.</summary>
    public static async Task<Dictionary<(int ModelId, MeasuredSetting Setting), int>> CountAsync(
        EfficiencyContext db, IReadOnlyCollection<int> modelIds, CancellationToken cancellationToken = default)
    {
        var ids = modelIds.ToList();
        var groups = await Succeeded(db)
            .Where(r => ids.Contains(r.ModelId))
            .GroupBy(r => new { r.ModelId, r.HardwareId, r.ExecutionProvider, r.BatchSize, r.Scenario })
            .Select(g => new { g.Key.ModelId, g.Key.HardwareId, g.Key.ExecutionProvider, g.Key.BatchSize, g.Key.Scenario, Runs = g.Count() })
            .ToListAsync(cancellationToken);
        return groups.ToDictionary(
            g => (g.ModelId, new MeasuredSetting(g.HardwareId, g.ExecutionProvider, g.BatchSize, g.Scenario)), g => g.Runs);
    }

    /// <summary>The latest <see cref="MaxRunsPerGroup"/> runs of each (model, setting) among <paramref name="modelIds"/>, newest first.</summary>
    /// <remarks>SQL, because EF Core cannot translate "top n per group" for SQLite: ROW_NUMBER over each group, newest first.</remarks>
    public static async Task<ILookup<(int ModelId, MeasuredSetting Setting), RunFigure>> LatestAsync(
        EfficiencyContext db, IReadOnlyCollection<int> modelIds, CancellationToken cancellationToken = default)
    {
        var ids = JsonSerializer.Serialize(modelIds);
        var succeeded = nameof(RunStatus.Succeeded);
        var rows = await db.Database.SqlQuery<LatestRow>($"""
            SELECT Id, ModelId, HardwareId, ExecutionProvider, BatchSize, Scenario, ThroughputPerSecond, EnergyPerInferenceJ, EnergyReason, IsValid
            FROM (
                SELECT r.Id, r.ModelId, r.HardwareId, r.ExecutionProvider, r.BatchSize, r.Scenario,
                       x.ThroughputPerSecond, x.EnergyPerInferenceJ, x.EnergyReason, x.IsValid,
                       ROW_NUMBER() OVER (PARTITION BY r.ModelId, r.HardwareId, r.ExecutionProvider, r.BatchSize, r.Scenario ORDER BY r.Id DESC) AS Position
                FROM Runs r JOIN RunResults x ON x.RunId = r.Id
                WHERE r.Status = {succeeded} AND r.ModelId IN (SELECT value FROM json_each({ids})))
            WHERE Position <= {MaxRunsPerGroup}
            """).ToListAsync(cancellationToken);
        return rows
            .Select(r => new RunFigure(r.Id, r.ModelId,
                new MeasuredSetting(r.HardwareId, Enum.Parse<ExecutionProvider>(r.ExecutionProvider), r.BatchSize, Enum.Parse<Scenario>(r.Scenario)),
                r.ThroughputPerSecond, r.EnergyPerInferenceJ, r.EnergyReason, r.IsValid))
            .OrderByDescending(r => r.RunId)
            .ToLookup(r => (r.ModelId, r.Setting));
    }

    /// <summary>The per-query latencies of one run, in milliseconds.</summary>
    public static Task<List<double>> LatenciesAsync(EfficiencyContext db, long runId, CancellationToken cancellationToken = default) =>
        db.LatencySamples.Where(s => s.RunId == runId).Select(s => s.LatencyMs).ToListAsync(cancellationToken);

    private static IQueryable<Run> Succeeded(EfficiencyContext db) =>
        db.Runs.AsNoTracking().Where(r => r.Status == RunStatus.Succeeded && r.Result != null);

    private sealed class LatestRow
    {
        public long Id { get; set; }

        public int ModelId { get; set; }

        public int? HardwareId { get; set; }

        public string ExecutionProvider { get; set; } = "";

        public int BatchSize { get; set; }

        public string Scenario { get; set; } = "";

        public double ThroughputPerSecond { get; set; }

        public double? EnergyPerInferenceJ { get; set; }

        public string EnergyReason { get; set; } = "";

        public bool IsValid { get; set; }
    }
}
