using EfficiencyDashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>
/// A run's per-query latencies as the charts draw them: every query, or every <see cref="Stride"/>-th one
/// when there are too many to send to the browser.
/// </summary>
public sealed record LatencySeries(double[] StartOffsetMs, double[] LatencyMs, int Stride, int QueryCount)
{
    /// <summary>Most queries the histogram bins; evenly spaced above that.</summary>
    public const int MaxHistogramPoints = 20_000;

    /// <summary>Most markers the timeline draws; evenly spaced above that.</summary>
    public const int MaxTimelinePoints = 5_000;

    public static async Task<LatencySeries> LoadAsync(EfficiencyContext db, long runId, CancellationToken cancellationToken = default)
    {
        var count = await db.LatencySamples.CountAsync(s => s.RunId == runId, cancellationToken);
        var stride = StrideFor(count, MaxHistogramPoints);
        var samples = await db.LatencySamples.AsNoTracking()
            .Where(s => s.RunId == runId && s.Sequence % stride == 0)
            .OrderBy(s => s.Sequence)
            .Select(s => new { s.StartOffsetMs, s.LatencyMs })
            .ToListAsync(cancellationToken);
        return new LatencySeries([.. samples.Select(s => s.StartOffsetMs)], [.. samples.Select(s => s.LatencyMs)], stride, count);
    }

    /// <summary>The timeline's points, thinned evenly to at most <see cref="MaxTimelinePoints"/>, and their stride over all queries.</summary>
    public (double[] StartOffsetMs, double[] LatencyMs, int Stride) Timeline()
    {
        var step = StrideFor(LatencyMs.Length, MaxTimelinePoints);
        return (Every(StartOffsetMs, step), Every(LatencyMs, step), Stride * step);
    }

    private static int StrideFor(int count, int maxPoints) => Math.Max(1, (count + maxPoints - 1) / maxPoints);

    private static double[] Every(double[] values, int step) =>
        step == 1 ? values : [.. values.Where((_, i) => i % step == 0)];
}
