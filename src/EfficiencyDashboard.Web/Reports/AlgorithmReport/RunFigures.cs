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
    /// <remarks>
    /// SQL, because the input shapes are a JSON column that EF Core would group by its parsed value. Joined (not LEFT JOIN
    /// ... IS NOT NULL) so that SQLite reads the groups off the (Status, ModelId, setting, InputShapes) index in order.
    /// </remarks>
    public static async Task<Dictionary<(int ModelId, MeasuredSetting Setting), int>> CountAsync(
        EfficiencyContext db, IReadOnlyCollection<int> modelIds, CancellationToken cancellationToken = default)
    {
        var ids = JsonSerializer.Serialize(modelIds.Distinct().Order());
        var succeeded = nameof(RunStatus.Succeeded);
        var groups = await db.Database.SqlQuery<CountRow>($"""
            SELECT r.ModelId, r.HardwareId, r.ExecutionProvider, r.BatchSize, r.Scenario, r.InputShapes, COUNT(*) AS Runs
            FROM Runs AS r JOIN RunResults AS x ON x.RunId = r.Id
            WHERE r.Status = {succeeded} AND r.ModelId IN (SELECT value FROM json_each({ids}))
            GROUP BY r.ModelId, r.HardwareId, r.ExecutionProvider, r.BatchSize, r.Scenario, r.InputShapes
            """).ToListAsync(cancellationToken);
        return groups.ToDictionary(g => (g.ModelId, g.Setting()), g => g.Runs);
    }

    /// <summary>The latest <see cref="MaxRunsPerGroup"/> runs of each of <paramref name="groups"/> (model, setting), newest first.</summary>
    /// <remarks>
    /// SQL, because EF Core cannot translate "top n per group" for SQLite. Each group is one range of the
    /// (Status, ModelId, HardwareId, ExecutionProvider, BatchSize, Scenario) index read backwards by run id, stopping after
    /// <see cref="MaxRunsPerGroup"/> runs: no window over every run.
    /// </remarks>
    public static async Task<ILookup<(int ModelId, MeasuredSetting Setting), RunFigure>> LatestAsync(
        EfficiencyContext db, IEnumerable<(int ModelId, MeasuredSetting Setting)> groups, CancellationToken cancellationToken = default)
    {
        var keys = JsonSerializer.Serialize(groups.Distinct()
            .Select(g => new object?[] { g.ModelId, g.Setting.HardwareId, g.Setting.Provider.ToString(), g.Setting.BatchSize, g.Setting.Scenario.ToString(), g.Setting.InputShapes })
            .ToList());
        var succeeded = nameof(RunStatus.Succeeded);
        var rows = await db.Database.SqlQuery<LatestRow>($"""
            SELECT r.Id, r.ModelId, r.HardwareId, r.ExecutionProvider, r.BatchSize, r.Scenario, r.InputShapes,
                   x.ThroughputPerSecond, x.EnergyPerInferenceJ, x.EnergyReason, x.IsValid
            FROM json_each({keys}) AS g
            JOIN Runs AS r ON r.Id IN (
                SELECT l.Id FROM Runs AS l
                WHERE l.Status = {succeeded} AND l.ModelId = g.value ->> 0 AND l.HardwareId IS g.value ->> 1
                  AND l.ExecutionProvider = g.value ->> 2 AND l.BatchSize = g.value ->> 3 AND l.Scenario = g.value ->> 4
                  AND l.InputShapes = g.value ->> 5
                  AND EXISTS (SELECT 1 FROM RunResults AS lx WHERE lx.RunId = l.Id)
                ORDER BY l.Id DESC
                LIMIT {MaxRunsPerGroup})
            JOIN RunResults AS x ON x.RunId = r.Id
            """).ToListAsync(cancellationToken);
        return rows
            .Select(r => new RunFigure(r.Id, r.ModelId,
                r.Setting(),
                r.ThroughputPerSecond, r.EnergyPerInferenceJ, r.EnergyReason, r.IsValid))
            .OrderByDescending(r => r.RunId)
            .ToLookup(r => (r.ModelId, r.Setting));
    }

    /// <summary>The per-query latencies of one run, in milliseconds.</summary>
    public static Task<List<double>> LatenciesAsync(EfficiencyContext db, long runId, CancellationToken cancellationToken = default) =>
        db.LatencySamples.Where(s => s.RunId == runId).Select(s => s.LatencyMs).ToListAsync(cancellationToken);

    private static MeasuredSetting Setting(int? hardwareId, string provider, int batchSize, string scenario, string inputShapes) =>
        new(hardwareId, Enum.Parse<ExecutionProvider>(provider), batchSize, Enum.Parse<Scenario>(scenario), inputShapes);

    /// <summary>A (model, setting) group as SQL returns it.</summary>
    private abstract class GroupRow
    {
        public int ModelId { get; set; }

        public int? HardwareId { get; set; }

        public string ExecutionProvider { get; set; } = "";

        public int BatchSize { get; set; }

        public string Scenario { get; set; } = "";

        public string InputShapes { get; set; } = "{}";

        public MeasuredSetting Setting() => RunFigures.Setting(HardwareId, ExecutionProvider, BatchSize, Scenario, InputShapes);
    }

    private sealed class CountRow : GroupRow
    {
        public int Runs { get; set; }
    }

    private sealed class LatestRow : GroupRow
    {
        public long Id { get; set; }

        public double ThroughputPerSecond { get; set; }

        public double? EnergyPerInferenceJ { get; set; }

        public string EnergyReason { get; set; } = "";

        public bool IsValid { get; set; }
    }
}
