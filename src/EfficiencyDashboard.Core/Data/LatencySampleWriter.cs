using EfficiencyDashboard.Core.Runs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EfficiencyDashboard.Core.Data;

/// <summary>Bulk-inserts a run's per-query latencies with one prepared statement inside the caller's transaction.</summary>
public static class LatencySampleWriter
{
    public static async Task InsertAsync(
        EfficiencyContext db, long runId, IReadOnlyList<double> latenciesMs, IReadOnlyList<double> startOffsetsMs, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Latency samples are written inside the transaction that stores the result.");
        await using var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText =
            $"INSERT INTO LatencySamples ({nameof(LatencySample.RunId)}, {nameof(LatencySample.Sequence)}, " +
            $"{nameof(LatencySample.StartOffsetMs)}, {nameof(LatencySample.LatencyMs)}) VALUES ($run, $seq, $start, $latency)";
        var run = command.Parameters.Add("$run", SqliteType.Integer);
        var sequence = command.Parameters.Add("$seq", SqliteType.Integer);
        var start = command.Parameters.Add("$start", SqliteType.Real);
        var latency = command.Parameters.Add("$latency", SqliteType.Real);
        await command.PrepareAsync(cancellationToken);
        run.Value = runId;
        for (var i = 0; i < latenciesMs.Count; i++)
        {
            sequence.Value = i;
            start.Value = startOffsetsMs[i];
            latency.Value = latenciesMs[i];
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
