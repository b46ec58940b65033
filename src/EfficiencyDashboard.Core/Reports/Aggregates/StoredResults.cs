using System.Runtime.CompilerServices;
using System.Text.Json;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Core.Reports.Aggregates;

/// <summary>Reads stored results, as the aggregates count them, straight from the runs and results tables.</summary>
internal static class StoredResults
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Every counted result (see <see cref="StoredResult.Counts"/>), streamed; <paramref name="runs"/> narrows the runs read,
    /// and <paramref name="countedOnly"/> false reads results whose runs no longer count too.
    /// </summary>
    public static async IAsyncEnumerable<StoredResult> ReadAsync(
        EfficiencyContext db, Func<IQueryable<Run>, IQueryable<Run>>? runs = null, bool countedOnly = true,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var defaults = await db.Models.AsNoTracking().Select(m => new { m.Id, m.DefaultInputShapes })
            .ToDictionaryAsync(m => m.Id, m => m.DefaultInputShapes, cancellationToken);
        RunStatus[] excluded = countedOnly ? [RunStatus.Failed, RunStatus.Cancelled, RunStatus.Interrupted] : [];
        var query =
            from r in (runs ?? (q => q))(db.Runs.AsNoTracking())
            join x in db.RunResults.AsNoTracking() on r.Id equals x.RunId
            where !excluded.Contains(r.Status) && x.ThroughputPerSecond > 0
            select new
            {
                r.Id, r.ModelId, r.HardwareId, r.BatchSize, r.Scenario, r.InputShapes,
                x.ActualExecutionProvider, x.IsValid, x.ThroughputPerSecond, x.EnergyPerInferenceJ, x.EnergySource, x.MeasuredAtUtc,
            };
        // Most runs use their model's default shapes: the text is worked out once per distinct input.
        var shapes = new Dictionary<(int, string), string>();
        await foreach (var row in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var shapesJson = JsonSerializer.Serialize(row.InputShapes, Json);
            if (!shapes.TryGetValue((row.ModelId, shapesJson), out var text))
            {
                text = shapes[(row.ModelId, shapesJson)] = SettingKey.ShapesOf(row.InputShapes, defaults.GetValueOrDefault(row.ModelId) ?? []);
            }

            yield return new StoredResult(
                row.Id,
                new SettingKey(row.ModelId, row.HardwareId ?? 0, row.ActualExecutionProvider, row.BatchSize, row.Scenario, text),
                row.IsValid,
                row.ThroughputPerSecond,
                row.EnergyPerInferenceJ is > 0 and var energy ? 1 / energy : null,
                row.EnergySource,
                row.MeasuredAtUtc);
        }
    }

    /// <summary>The result of one run, whether or not its run still counts; null when it has none.</summary>
    public static async Task<StoredResult?> OfRunAsync(EfficiencyContext db, long runId, CancellationToken cancellationToken)
    {
        await foreach (var result in ReadAsync(db, runs => runs.Where(r => r.Id == runId), countedOnly: false, cancellationToken))
        {
            return result;
        }

        return null;
    }
}
