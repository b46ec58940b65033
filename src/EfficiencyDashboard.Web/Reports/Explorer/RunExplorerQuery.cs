using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Reports.Explorer;

/// <summary>Runs matching the explorer's filters, one page at a time, counted with the same filter.</summary>
public static class RunExplorerQuery
{
    public static readonly int[] PageSizes = [25, 50, 100];

    public static async Task<RunExplorerPage> PageAsync(
        EfficiencyContext db, RunExplorerFilter filter, RunExplorerSort sort, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, PageSizes[^1]);
        var runs = Filter(db.Runs.AsNoTracking(), filter);
        var total = await runs.CountAsync(cancellationToken);
        var rows = await Order(runs, sort)
            .Skip(Math.Max(0, page) * pageSize)
            .Take(pageSize)
            .Select(r => new RunExplorerRow(
                r.Id,
                r.CreatedAtUtc,
                r.Model!.Name,
                r.Model.Family,
                r.Model.Technique,
                r.ExecutionProvider,
                r.Result != null ? r.Result.ActualExecutionProvider : null,
                r.Scenario,
                r.BatchSize,
                r.Status,
                r.Result != null ? r.Result.IsValid : null,
                r.Result != null ? r.Result.LatencyP50Ms : null,
                r.Result != null ? r.Result.LatencyP99Ms : null,
                r.Result != null ? r.Result.ThroughputPerSecond : null,
                r.Result != null ? r.Result.EnergyPerInferenceJ : null,
                r.Result != null ? r.Result.MachineName : null))
            .ToListAsync(cancellationToken);
        return new RunExplorerPage(rows, total);
    }

    /// <summary>The runs every given filter holds for; the same semantics as the runs export.</summary>
    public static IQueryable<Run> Filter(IQueryable<Run> runs, RunExplorerFilter filter)
    {
        var shared = filter.Shared;
        if (filter.CreatedBy is { } who)
        {
            runs = runs.Where(r => r.CreatedBy == who);
        }

        if (shared.FromUtc is { } from)
        {
            runs = runs.Where(r => r.CreatedAtUtc >= from);
        }

        if (shared.ToUtc is { } to)
        {
            runs = runs.Where(r => r.CreatedAtUtc < to);
        }

        if (shared.Hardware is { } machine)
        {
            runs = runs.Where(r => r.Result != null && r.Result.MachineName == machine);
        }

        if (shared.ModelId is { } modelId)
        {
            runs = runs.Where(r => r.ModelId == modelId);
        }

        if (Enum.TryParse<ModelFamily>(shared.Family, ignoreCase: true, out var family))
        {
            runs = runs.Where(r => r.Model!.Family == family);
        }

        if (RunRequestValidator.ParseProvider(shared.Provider) is { } provider)
        {
            runs = runs.Where(r => r.ExecutionProvider == provider);
        }

        if (Enum.GetValues<RunStatus>().Cast<RunStatus?>().FirstOrDefault(s => s!.Value.ApiName() == shared.Status) is { } status)
        {
            runs = runs.Where(r => r.Status == status);
        }

        if (filter.Scenario is { } scenario)
        {
            runs = runs.Where(r => r.Scenario == scenario);
        }

        return runs;
    }

    // Creation order uses the CreatedAtUtc index; the id breaks ties so pages never overlap.
    private static IOrderedQueryable<Run> Order(IQueryable<Run> runs, RunExplorerSort sort) => (sort.Key, sort.Descending) switch
    {
        (RunExplorerSortKey.LatencyP50, false) => runs.OrderBy(r => r.Result == null).ThenBy(r => r.Result!.LatencyP50Ms).ThenByDescending(r => r.Id),
        (RunExplorerSortKey.LatencyP50, true) => runs.OrderBy(r => r.Result == null).ThenByDescending(r => r.Result!.LatencyP50Ms).ThenByDescending(r => r.Id),
        (RunExplorerSortKey.Throughput, false) => runs.OrderBy(r => r.Result == null).ThenBy(r => r.Result!.ThroughputPerSecond).ThenByDescending(r => r.Id),
        (RunExplorerSortKey.Throughput, true) => runs.OrderBy(r => r.Result == null).ThenByDescending(r => r.Result!.ThroughputPerSecond).ThenByDescending(r => r.Id),
        (_, false) => runs.OrderBy(r => r.CreatedAtUtc).ThenBy(r => r.Id),
        _ => runs.OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id),
    };
}
