using System.Globalization;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Reports.Explorer;

/// <summary>Measured runs side by side against a baseline, and the requested runs that cannot be compared, with why.</summary>
public sealed record RunComparison(IReadOnlyList<ComparedRun> Runs, long? BaselineId, IReadOnlyList<string> Problems)
{
    /// <summary>Most runs one comparison shows; more would make the table and charts unreadable.</summary>
    public const int MaxRuns = 8;

    /// <summary>Most latency samples drawn per run; evenly spaced above that.</summary>
    public const int MaxSamplesPerRun = 20_000;

    public bool CanCompare => Runs.Count >= 2 && Baseline is not null;

    public ComparedRun? Baseline => Runs.FirstOrDefault(r => r.Id == BaselineId);

    /// <summary>Reads "1,2,3"; tokens that are not run ids are reported, duplicates dropped.</summary>
    public static (IReadOnlyList<long> Ids, IReadOnlyList<string> Problems) ParseIds(string? text)
    {
        var ids = new List<long>();
        var problems = new List<string>();
        foreach (var token in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                if (!ids.Contains(id))
                {
                    ids.Add(id);
                }
            }
            else
            {
                problems.Add($"'{token}' is not a run id.");
            }
        }

        return (ids, problems);
    }

    /// <summary>Loads the runs in the order given; the baseline is <paramref name="baselineId"/> when it is among them, else the first.</summary>
    public static async Task<RunComparison> LoadAsync(EfficiencyContext db, IReadOnlyList<long> ids, long? baselineId, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        if (ids.Count > MaxRuns)
        {
            problems.Add($"Only the first {MaxRuns} of the {ids.Count} runs are compared.");
            ids = [.. ids.Take(MaxRuns)];
        }

        var runs = await db.Runs.AsNoTracking()
            .Include(r => r.Model)
            .Include(r => r.Result)
            .Where(r => ids.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var machines = await db.Hardware.AsNoTracking().ToDictionaryAsync(h => h.Id, h => h.MachineName, cancellationToken);

        var compared = new List<ComparedRun>();
        foreach (var id in ids)
        {
            if (!runs.TryGetValue(id, out var run))
            {
                problems.Add($"Run {id} does not exist.");
            }
            else if (run.Result is not { } result)
            {
                problems.Add($"Run {id} has no result to compare (status {run.Status.ApiName()}).");
            }
            else
            {
                var (latencies, stride, count) = await SamplesAsync(db, id, cancellationToken);
                var hardware = run.HardwareId is { } h && machines.TryGetValue(h, out var name) ? name : result.MachineName;
                compared.Add(new ComparedRun(id, run.Model?.Name ?? $"model {run.ModelId}", run.Model?.Family ?? default, run.Model?.Technique,
                    run.ExecutionProvider, run.Scenario, run.BatchSize, hardware, result, latencies, stride, count));
            }
        }

        var baseline = compared.Any(r => r.Id == baselineId) ? baselineId : compared.FirstOrDefault()?.Id;
        if (baselineId is { } wanted && baseline != wanted && compared.Count > 0)
        {
            problems.Add($"Run {wanted} is not among the compared runs; run {baseline} is the baseline.");
        }

        return new RunComparison(compared, baseline, problems);
    }

    // Every stride-th query by sequence, so the distribution keeps its shape and the circuit stays small.
    private static async Task<(double[] LatencyMs, int Stride, int Count)> SamplesAsync(EfficiencyContext db, long runId, CancellationToken cancellationToken)
    {
        var count = await db.LatencySamples.CountAsync(s => s.RunId == runId, cancellationToken);
        var stride = Math.Max(1, (count + MaxSamplesPerRun - 1) / MaxSamplesPerRun);
        var latencies = await db.LatencySamples.AsNoTracking()
            .Where(s => s.RunId == runId && s.Sequence % stride == 0)
            .OrderBy(s => s.Sequence)
            .Select(s => s.LatencyMs)
            .ToArrayAsync(cancellationToken);
        return (latencies, stride, count);
    }
}
