using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Reports.Aggregates;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Benchmarks;

/// <summary>A throw-away database with the app's schema, filled with synthetic runs inside SQLite itself.</summary>
/// <remarks>Synthetic rows exist only in this temporary database, to time data work at scale; they never reach a page.</remarks>
public sealed class BenchmarkDatabase : IAsyncDisposable
{
    private BenchmarkDatabase(string directory)
    {
        Directory = directory;
        ConnectionString = SqliteConnectionStrings.ForDataDirectory(directory);
    }

    public string Directory { get; }

    public string ConnectionString { get; }

    public string Path => System.IO.Path.Combine(Directory, "efficiency.db");

    public static async Task<BenchmarkDatabase> CreateAsync()
    {
        var database = new BenchmarkDatabase(System.IO.Directory.CreateTempSubdirectory("efficiency-benchmark-").FullName);
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        return database;
    }

    public EfficiencyContext CreateContext() =>
        new(new DbContextOptionsBuilder<EfficiencyContext>().UseSqlite(ConnectionString).Options);

    /// <summary>
    /// Adds <paramref name="runs"/> succeeded runs over two years, each with a result and <paramref name="samplesPerRun"/> latency
    /// samples. Model, machine, batch size and provider cycle with coprime periods, so every model meets every setting.
    /// </summary>
    public async Task SeedAsync(int runs, int samplesPerRun, int models = 8)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        var statements = new[]
        {
            "PRAGMA synchronous=OFF;",
            $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {models})
            INSERT INTO Models (Key, Name, Family, Task, Source, Provenance, FilePath, FileSizeBytes, ParameterCount, Inputs, Outputs, AddedAtUtc,
                                ClassifiedByEngineer, Opset, MacsPerSample, FlopsPerSample, OperatorCounts, OperatorMacs, DefaultInputShapes, TechniqueParameters)
            SELECT CASE i WHEN 1 THEN 'alexnet-generated' WHEN 2 THEN 'vgg16-generated' WHEN 3 THEN 'resnet50-generated'
                          WHEN 4 THEN 'mobilenetv2-1.0-generated' ELSE 'bench-' || i END,
                   'Benchmark model ' || i,
                   CASE (i - 1) % 4 WHEN 0 THEN 'ConvNet' WHEN 1 THEN 'ConvNet' WHEN 2 THEN 'ResNet' ELSE 'MobileNet' END,
                   'image classification', 'Generated', 'synthetic benchmark row', 'none.onnx', 0, 1000000 * i, '[]', '[]', '2024-01-01 00:00:00',
                   0, 17, 100000000 * i, 200000000 * i, json_object(), '[]', json_object(), json_object()
            FROM n;
            """,
            $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {runs})
            INSERT INTO Runs (Id, ModelId, ExecutionProvider, Scenario, BatchSize, DurationSeconds, MinQueries, WarmupQueries, AllowCpuFallback,
                              InputShapes, Device, Status, Progress, CancelRequested, ExecutedBy, CreatedAtUtc, StartedAtUtc, FinishedAtUtc, StrictValidity)
            SELECT i, (SELECT min(Id) FROM Models WHERE Provenance = 'synthetic benchmark row') + i % {models}, CASE i % 7 % 3 WHEN 0 THEN 'Cuda' ELSE 'Cpu' END, 'SingleStream',
                   1 << (i % 6), 10, 64, 10, 0, json_object(), CASE i % 7 % 3 WHEN 0 THEN 'gpu0' ELSE 'cpu' END, 'Succeeded', 1, 0, 'bench/cpu',
                   datetime('2024-11-27', '+' || (i % 730) || ' days', '+' || (i % 86400) || ' seconds'),
                   datetime('2024-11-27', '+' || (i % 730) || ' days', '+' || (i % 86400) || ' seconds'),
                   datetime('2024-11-27', '+' || (i % 730) || ' days', '+' || (i % 86400 + 10) || ' seconds'), 0
            FROM n;
            """,
            """
            INSERT INTO RunResults (RunId, LatencyP50Ms, LatencyP90Ms, LatencyP99Ms, LatencyMeanMs, LatencyMinMs, LatencyMaxMs, QueryCount, SampleCount,
                                    MeasuredSeconds, ThroughputPerSecond, ActualExecutionProvider, OnnxRuntimeVersion, IntraOpThreads, MachineName,
                                    CpuModel, LogicalCores, OperatingSystem, RuntimeVersion, MeasuredAtUtc, LatencyP95Ms, LatencyP999Ms, LatencyStdDevMs,
                                    LatencyCv, Histogram, WarmupQueriesCompleted, IsValid, ValidityReasons, EnergySource, EnergyReason, EnergyPerInferenceJ)
            SELECT Id, 5 + (Id % 97) / 10.0, 6 + (Id % 97) / 9.0, 8 + (Id % 97) / 8.0, 5.5 + (Id % 97) / 10.0, 4.0, 20 + Id % 13, 1000, 1000 * BatchSize,
                   10.0, 100.0 * BatchSize * (1 + ModelId % 5 * 0.3) * (0.95 + Id % 11 / 100.0), ExecutionProvider, '1.31.0', 2, 'bench-host-' || (Id % 4), 'Benchmark CPU', 2, 'Linux', '.NET 10', FinishedAtUtc,
                   7 + (Id % 97) / 8.5, 9 + (Id % 97) / 7.0, 0.5, 0.1, x'', 10, Id % 5 <> 0, '[]',
                   CASE WHEN Id % 3 = 0 THEN 'NvmlEnergyCounter' ELSE 'None' END, 'synthetic benchmark row',
                   CASE WHEN Id % 3 = 0 THEN 0.05 + (Id % 11) / 100.0 END
            FROM Runs WHERE ExecutedBy = 'bench/cpu';
            """,
            $"""
            WITH RECURSIVE s(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM s WHERE j < {samplesPerRun - 1})
            INSERT INTO LatencySamples (RunId, Sequence, StartOffsetMs, LatencyMs)
            SELECT r.Id, s.j, s.j * 10.0, 5 + ((r.Id * 7 + s.j * 13) % 1000) / 100.0 FROM Runs r, s WHERE r.ExecutedBy = 'bench/cpu' ORDER BY r.Id, s.j;
            """,
            // Half the models are int8 variants of the other half, and runs alternate between two machines, so the
            // algorithm, decomposition and hardware reports have real work to do. The first four carry built-in keys, so their
            // published quality and dates (reference data) give the architecture claims and the decomposition's story work too.
            $"""
            UPDATE Models SET ParentId = Id - {models / 2}, Technique = 'Int8Static'
            WHERE Provenance = 'synthetic benchmark row' AND Id >= (SELECT min(Id) FROM Models WHERE Provenance = 'synthetic benchmark row') + {models / 2};
            """,
            """
            INSERT INTO Hardware (Fingerprint, MachineName, CpuModel, LogicalCores, GpuCount, ExecutionProviders, FirstSeenAtUtc, LastSeenAtUtc)
            VALUES ('bench-a', 'bench-host-a', 'Benchmark CPU', 2, 0, '[]', '2024-11-27 00:00:00', '2026-11-27 00:00:00'),
                   ('bench-b', 'bench-host-b', 'Benchmark CPU', 2, 0, '[]', '2024-11-27 00:00:00', '2026-11-27 00:00:00');
            """,
            "UPDATE Runs SET HardwareId = (SELECT min(Id) FROM Hardware WHERE Fingerprint LIKE 'bench-%') + Id % 2 WHERE ExecutedBy = 'bench/cpu';",
            "ANALYZE;",
        };
        foreach (var sql in statements)
        {
            if (samplesPerRun == 0 && sql.Contains("LatencySamples", StringComparison.Ordinal))
            {
                continue;
            }

            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// Adds one more succeeded run, a copy of the newest one with its result, as the runner stores a result while the app is
    /// up: the run, its result and the per-setting aggregates in one transaction.
    /// </summary>
    public async Task AddSucceededRunAsync()
    {
        await using var db = CreateContext();
        // Read without tracking and added again with its key cleared: a copy under a new id.
        var run = await db.Runs.AsNoTracking().Include(r => r.Result).OrderByDescending(r => r.Id).FirstAsync();
        var result = run.Result!;
        (run.Id, run.Result) = (0, null);
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Runs.Add(run);
        await db.SaveChangesAsync();
        (result.RunId, result.ThroughputPerSecond) = (run.Id, result.ThroughputPerSecond * 1.01);
        db.RunResults.Add(result);
        await db.SaveChangesAsync();
        await SettingAggregates.ApplyAsync(db, run, result, CancellationToken.None);
        await transaction.CommitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
