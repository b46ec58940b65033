using System.Data;
using System.Data.Common;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Core.Reports.Aggregates;

/// <summary>
/// Keeps <see cref="SettingAggregate"/> and <see cref="DailyBest"/> rows equal to a computation from scratch over the stored
/// results: <see cref="ApplyAsync(EfficiencyContext, Run, CancellationToken)"/> adds a result in the transaction that stores
/// it; <see cref="RefreshAsync"/> recomputes the rows of a run whose status or validity changed; <see cref="RebuildAsync"/>
/// computes every row again. The SQL is ANSI apart from <c>ON CONFLICT</c>, which SQLite and PostgreSQL share, and
/// lives here only.
/// </summary>
public static class SettingAggregates
{
    /// <summary>Adds the stored result of <paramref name="run"/>; call it inside the transaction that stored the result.</summary>
    public static async Task ApplyAsync(EfficiencyContext db, Run run, CancellationToken cancellationToken)
    {
        var result = await db.RunResults.FindAsync([run.Id], cancellationToken)
            ?? throw new InvalidOperationException($"Run {run.Id} has no stored result to add to the aggregates.");
        await ApplyAsync(db, run, result, cancellationToken);
    }

    /// <summary>Adds <paramref name="result"/> of <paramref name="run"/>; call it inside the transaction that stored the result.</summary>
    public static async Task ApplyAsync(EfficiencyContext db, Run run, RunResult result, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The aggregates are updated in the transaction that stores the result.");
        }

        if (!StoredResult.Counts(run.Status) || !(result.ThroughputPerSecond > 0))
        {
            return;
        }

        var defaults = run.Model?.DefaultInputShapes
            ?? await db.Models.Where(m => m.Id == run.ModelId).Select(m => m.DefaultInputShapes).FirstAsync(cancellationToken);
        var stored = new StoredResult(
            run.Id,
            new SettingKey(run.ModelId, run.HardwareId ?? 0, result.ActualExecutionProvider, run.BatchSize, run.Scenario, SettingKey.ShapesOf(run.InputShapes, defaults)),
            result.IsValid,
            result.ThroughputPerSecond,
            result.EnergyPerInferenceJ is > 0 and var energy ? 1 / energy : null,
            result.EnergySource,
            result.MeasuredAtUtc);
        await UpsertAsync(db, stored.ToAggregate(), cancellationToken);
        if (stored.HasDailyBest)
        {
            await UpsertAsync(db, stored.ToDailyBest(), cancellationToken);
        }
    }

    /// <summary>
    /// Recomputes, from the stored results, the rows <paramref name="runId"/> belongs to (its setting, valid and invalid,
    /// and its model's day): call it after the run's status or its result's validity changed. Without a result, nothing to do.
    /// </summary>
    public static async Task RefreshAsync(EfficiencyContext db, long runId, CancellationToken cancellationToken)
    {
        // Read and replace in one transaction, so that a result landing meanwhile is neither lost nor counted twice.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (await StoredResults.OfRunAsync(db, runId, cancellationToken) is not { } changed)
        {
            return;
        }

        var key = changed.Key;
        int? hardware = key.HardwareId == 0 ? null : key.HardwareId;
        var setting = await ReadAsync(db, runs => runs.Where(r => r.ModelId == key.ModelId && r.HardwareId == hardware
            && r.BatchSize == key.BatchSize && r.Scenario == key.Scenario), cancellationToken);
        var (dayStart, dayEnd) = (changed.Day.ToDateTime(TimeOnly.MinValue), changed.Day.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var day = await ReadAsync(db, runs => runs.Where(r => r.ModelId == key.ModelId
            && db.RunResults.Any(x => x.RunId == r.Id && x.MeasuredAtUtc >= dayStart && x.MeasuredAtUtc < dayEnd)), cancellationToken);
        setting.RemoveAll(r => r.Key != key);

        await db.Set<SettingAggregate>().Where(a => a.ModelId == key.ModelId && a.HardwareId == key.HardwareId && a.Provider == key.Provider
            && a.BatchSize == key.BatchSize && a.Scenario == key.Scenario && a.InputShapes == key.InputShapes).ExecuteDeleteAsync(cancellationToken);
        await db.Set<DailyBest>().Where(d => d.ModelId == key.ModelId && d.Day == changed.Day).ExecuteDeleteAsync(cancellationToken);
        db.AddRange(StoredResult.Aggregate(setting));
        db.AddRange(StoredResult.DailyBests(day));
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Replaces every row with a computation from scratch over the stored results (after a migration, or a bulk load).</summary>
    public static async Task RebuildAsync(EfficiencyContext db, CancellationToken cancellationToken = default)
    {
        var (aggregates, dailyBests) = await ComputeFromScratchAsync(db, cancellationToken);
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.Set<SettingAggregate>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<DailyBest>().ExecuteDeleteAsync(cancellationToken);
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.AddRange(aggregates);
        db.AddRange(dailyBests);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        db.ChangeTracker.Clear();
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>The rows as they would be if every stored result were summed now.</summary>
    public static async Task<(List<SettingAggregate> Aggregates, List<DailyBest> DailyBests)> ComputeFromScratchAsync(
        EfficiencyContext db, CancellationToken cancellationToken = default)
    {
        var results = await ReadAsync(db, runs => runs, cancellationToken);
        return (StoredResult.Aggregate(results), StoredResult.DailyBests(results));
    }

    private static async Task<List<StoredResult>> ReadAsync(
        EfficiencyContext db, Func<IQueryable<Run>, IQueryable<Run>> runs, CancellationToken cancellationToken)
    {
        var results = new List<StoredResult>();
        await foreach (var result in StoredResults.ReadAsync(db, runs, cancellationToken: cancellationToken))
        {
            results.Add(result);
        }

        return results;
    }

    /// <summary>Whether the aggregates were ever built: false on a database migrated from before they existed, with results.</summary>
    public static async Task<bool> NeedRebuildAsync(EfficiencyContext db, CancellationToken cancellationToken = default) =>
        !await db.Set<SettingAggregate>().AnyAsync(cancellationToken) && await db.RunResults.AnyAsync(cancellationToken);

    // Written once: the conditions are SQL text, the values parameters ({0}...), so SQLite and PostgreSQL share the statement.
    private const string Row = "\"SettingAggregates\"";
    private const string ThroughputBeats =
        $"excluded.\"MaxThroughputPerSecond\" > {Row}.\"MaxThroughputPerSecond\" OR (excluded.\"MaxThroughputPerSecond\" = {Row}.\"MaxThroughputPerSecond\" " +
        $"AND excluded.\"MaxThroughputRunId\" < {Row}.\"MaxThroughputRunId\")";
    private const string EnergyBeats =
        $"excluded.\"MaxSamplesPerJoule\" IS NOT NULL AND ({Row}.\"MaxSamplesPerJoule\" IS NULL OR excluded.\"MaxSamplesPerJoule\" > {Row}.\"MaxSamplesPerJoule\" " +
        $"OR (excluded.\"MaxSamplesPerJoule\" = {Row}.\"MaxSamplesPerJoule\" AND excluded.\"MaxSamplesPerJouleRunId\" < {Row}.\"MaxSamplesPerJouleRunId\"))";
    private const string DailyBeats =
        "excluded.\"SamplesPerJoule\" > \"DailyBests\".\"SamplesPerJoule\" OR (excluded.\"SamplesPerJoule\" = \"DailyBests\".\"SamplesPerJoule\" " +
        "AND excluded.\"RunId\" < \"DailyBests\".\"RunId\")";

    private const string UpsertAggregate = $$"""
        INSERT INTO "SettingAggregates" ("ModelId", "HardwareId", "Provider", "BatchSize", "Scenario", "InputShapes", "IsValid",
            "Runs", "SumLogThroughput", "SumSquaredLogThroughput", "MaxThroughputPerSecond", "MaxThroughputRunId",
            "EnergyRuns", "SumLogSamplesPerJoule", "SumSquaredLogSamplesPerJoule", "MaxSamplesPerJoule", "MaxSamplesPerJouleRunId",
            "EnergySource", "FirstMeasuredAtUtc", "LastMeasuredAtUtc", "LastRunId")
        VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}, {12}, {13}, {14}, {15}, {16}, {17}, {18}, {19}, {20})
        ON CONFLICT ("ModelId", "HardwareId", "Provider", "BatchSize", "Scenario", "InputShapes", "IsValid") DO UPDATE SET
            "Runs" = {{Row}}."Runs" + excluded."Runs",
            "SumLogThroughput" = {{Row}}."SumLogThroughput" + excluded."SumLogThroughput",
            "SumSquaredLogThroughput" = {{Row}}."SumSquaredLogThroughput" + excluded."SumSquaredLogThroughput",
            "MaxThroughputPerSecond" = CASE WHEN {{ThroughputBeats}} THEN excluded."MaxThroughputPerSecond" ELSE {{Row}}."MaxThroughputPerSecond" END,
            "MaxThroughputRunId" = CASE WHEN {{ThroughputBeats}} THEN excluded."MaxThroughputRunId" ELSE {{Row}}."MaxThroughputRunId" END,
            "EnergyRuns" = {{Row}}."EnergyRuns" + excluded."EnergyRuns",
            "SumLogSamplesPerJoule" = {{Row}}."SumLogSamplesPerJoule" + excluded."SumLogSamplesPerJoule",
            "SumSquaredLogSamplesPerJoule" = {{Row}}."SumSquaredLogSamplesPerJoule" + excluded."SumSquaredLogSamplesPerJoule",
            "MaxSamplesPerJoule" = CASE WHEN {{EnergyBeats}} THEN excluded."MaxSamplesPerJoule" ELSE {{Row}}."MaxSamplesPerJoule" END,
            "MaxSamplesPerJouleRunId" = CASE WHEN {{EnergyBeats}} THEN excluded."MaxSamplesPerJouleRunId" ELSE {{Row}}."MaxSamplesPerJouleRunId" END,
            "EnergySource" = CASE WHEN {{EnergyBeats}} THEN excluded."EnergySource" ELSE {{Row}}."EnergySource" END,
            "FirstMeasuredAtUtc" = CASE WHEN excluded."FirstMeasuredAtUtc" < {{Row}}."FirstMeasuredAtUtc" THEN excluded."FirstMeasuredAtUtc" ELSE {{Row}}."FirstMeasuredAtUtc" END,
            "LastMeasuredAtUtc" = CASE WHEN excluded."LastMeasuredAtUtc" > {{Row}}."LastMeasuredAtUtc" THEN excluded."LastMeasuredAtUtc" ELSE {{Row}}."LastMeasuredAtUtc" END,
            "LastRunId" = CASE WHEN excluded."LastRunId" > {{Row}}."LastRunId" THEN excluded."LastRunId" ELSE {{Row}}."LastRunId" END
        """;

    private const string UpsertDailyBest = $$"""
        INSERT INTO "DailyBests" ("ModelId", "Day", "IsValid", "EnergySource", "SamplesPerJoule", "RunId")
        VALUES ({0}, {1}, {2}, {3}, {4}, {5})
        ON CONFLICT ("ModelId", "Day", "IsValid", "EnergySource") DO UPDATE SET
            "SamplesPerJoule" = CASE WHEN {{DailyBeats}} THEN excluded."SamplesPerJoule" ELSE "DailyBests"."SamplesPerJoule" END,
            "RunId" = CASE WHEN {{DailyBeats}} THEN excluded."RunId" ELSE "DailyBests"."RunId" END
        """;

    private static Task UpsertAsync(EfficiencyContext db, SettingAggregate a, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(UpsertAggregate,
            [
                a.ModelId, a.HardwareId, a.Provider.ToString(), a.BatchSize, a.Scenario.ToString(), a.InputShapes, a.IsValid,
                a.Runs, a.SumLogThroughput, a.SumSquaredLogThroughput, a.MaxThroughputPerSecond, a.MaxThroughputRunId,
                a.EnergyRuns, a.SumLogSamplesPerJoule, a.SumSquaredLogSamplesPerJoule, Parameter(db, a.MaxSamplesPerJoule, DbType.Double),
                Parameter(db, a.MaxSamplesPerJouleRunId, DbType.Int64), a.EnergySource.ToString(), a.FirstMeasuredAtUtc, a.LastMeasuredAtUtc, a.LastRunId,
            ],
            cancellationToken);

    /// <summary>A typed parameter, so that a null is bound as the column's type on every provider.</summary>
    private static DbParameter Parameter<T>(EfficiencyContext db, T? value, DbType type) where T : struct
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        var parameter = command.CreateParameter();
        parameter.DbType = type;
        parameter.Value = value is { } v ? v : DBNull.Value;
        return parameter;
    }

    private static Task UpsertAsync(EfficiencyContext db, DailyBest d, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(UpsertDailyBest,
            [d.ModelId, d.Day, d.IsValid, d.EnergySource.ToString(), d.SamplesPerJoule, d.RunId], cancellationToken);
}
