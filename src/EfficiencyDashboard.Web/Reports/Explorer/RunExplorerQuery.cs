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
        var skip = Math.Max(0, page) * pageSize;
        var runs = Filter(db.Runs.AsNoTracking(), filter);
        var total = await runs.CountAsync(cancellationToken);
        var ids = sort.Key == RunExplorerSortKey.Created
            ? await OrderByCreation(runs, sort.Descending).Skip(skip).Take(pageSize).Select(r => r.Id).ToListAsync(cancellationToken)
            : await ByResultAsync(db, runs, sort, skip, pageSize, cancellationToken);
        var rows = await runs.Where(r => ids.Contains(r.Id))
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
                r.Result != null ? r.Result.MachineName : null,
                r.Result != null ? r.Result.HostContentionCores : null,
                r.Result != null ? r.Result.HostBusy : null))
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        return new RunExplorerPage([.. ids.Select(id => rows[id])], total);
    }

    /// <summary>
    /// A page ordered by a result figure: runs with a result in the figure's order (ties by run id the same way), then those
    /// without one, newest first. The results are walked in the order of their (figure, run id) index and each checked against
    /// the filters, so a page costs its offset, not the whole history.
    /// </summary>
    private static async Task<List<long>> ByResultAsync(
        EfficiencyContext db, IQueryable<Run> runs, RunExplorerSort sort, int skip, int take, CancellationToken cancellationToken)
    {
        var results = db.RunResults.AsNoTracking().Where(x => runs.Any(r => r.Id == x.RunId));
        var ordered = (sort.Key, sort.Descending) switch
        {
            (RunExplorerSortKey.LatencyP50, false) => results.OrderBy(x => x.LatencyP50Ms).ThenBy(x => x.RunId),
            (RunExplorerSortKey.LatencyP50, true) => results.OrderByDescending(x => x.LatencyP50Ms).ThenByDescending(x => x.RunId),
            (_, false) => results.OrderBy(x => x.ThroughputPerSecond).ThenBy(x => x.RunId),
            _ => results.OrderByDescending(x => x.ThroughputPerSecond).ThenByDescending(x => x.RunId),
        };
        var ids = await ordered.Skip(skip).Take(take).Select(x => x.RunId).ToListAsync(cancellationToken);
        if (ids.Count == take)
        {
            return ids;
        }

        // Past the last run with a result: the runs without one follow.
        var withResult = await results.CountAsync(cancellationToken);
        ids.AddRange(await runs.Where(r => r.Result == null).OrderByDescending(r => r.Id)
            .Skip(Math.Max(0, skip - withResult)).Take(take - ids.Count).Select(r => r.Id).ToListAsync(cancellationToken));
        return ids;
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

        runs = filter.Contention switch
        {
            HostContentionFilter.HostBusy => runs.Where(r => r.Result != null && r.Result.HostBusy),
            HostContentionFilter.Quiet => runs.Where(r => r.Result != null && r.Result.HostContentionCores != null && !r.Result.HostBusy),
            HostContentionFilter.NotMeasured => runs.Where(r => r.Result != null && r.Result.HostContentionCores == null),
            _ => runs,
        };

        return runs;
    }

    // Creation order uses the CreatedAtUtc index; the id breaks ties so pages never overlap.
    private static IOrderedQueryable<Run> OrderByCreation(IQueryable<Run> runs, bool descending) => descending
        ? runs.OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id)
        : runs.OrderBy(r => r.CreatedAtUtc).ThenBy(r => r.Id);
}
