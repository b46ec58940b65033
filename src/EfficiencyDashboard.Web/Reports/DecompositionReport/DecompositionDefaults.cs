using System.Globalization;
using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Reports.Measured;

namespace EfficiencyDashboard.Web.Reports.DecompositionReport;

/// <summary>
/// The decomposition's default baseline and target: a two-year story, never the least against the most efficient. The
/// baseline is the oldest measured hardware with no technique and the older architecture; the target the newest hardware
/// with the best measured technique and the newer architecture, on one task, batch size and scenario.
/// </summary>
public static class DecompositionDefaults
{
    /// <summary>How the defaults are chosen, for the page.</summary>
    public const string Rule =
        "Defaults tell a two-year story: the oldest measured hardware (the CPU before any GPU; GPUs by their datasheet's " +
        "announcement, then by first run) with no technique and the oldest published architecture of a task, against the newest " +
        "hardware with its best measured technique and the newest architecture of the same task, at the batch size and scenario " +
        "measured on both machines that span the most years of architectures (batch 1 first on a tie). Any cell can be changed below.";

    /// <summary>The request with its baseline, target, batch size and scenario filled in where it leaves them out.</summary>
    public static (DecompositionRequest Request, string? Story) Apply(
        DecompositionRequest request, IReadOnlyList<MeasuredConfiguration> measured, MeasuredSettings settings)
    {
        if (request.Baseline is not null && request.Target is not null)
        {
            var batch = request.BatchSize ?? measured.Where(m => Matches(m, request.Target)).Select(m => m.BatchSize).DefaultIfEmpty(1).Min();
            var scenario = request.Scenario ?? measured.Where(m => Matches(m, request.Target) && m.BatchSize == batch)
                .Select(m => (Scenario?)m.Scenario).FirstOrDefault() ?? Scenario.SingleStream;
            var chosen = request with { BatchSize = batch, Scenario = scenario };
            // The defaults, once in the address, still tell their story.
            var (defaults, defaultStory) = Apply(chosen with { Baseline = null, Target = null }, measured, settings);
            return (chosen, defaults == chosen ? defaultStory : null);
        }

        var hardware = measured.Select(m => (m.HardwareId, m.Provider)).Distinct()
            .OrderBy(h => h.Provider == ExecutionProvider.Cpu ? 0 : 1)
            .ThenBy(h => settings.Machines.GetValueOrDefault(h.HardwareId)?.AcceleratorAnnounced ?? DateOnly.MaxValue)
            .ThenBy(h => measured.Where(m => m.HardwareId == h.HardwareId && m.Provider == h.Provider).Min(m => m.FirstRunUtc))
            .ToList();
        if (hardware.Count == 0)
        {
            return (request, null);
        }

        var (oldest, newest) = (hardware[0], hardware[^1]);
        var story = Stories(measured, settings, request.Metric, oldest, newest)
            .Where(s => request.BatchSize is null || s.BatchSize == request.BatchSize)
            .Where(s => request.Scenario is null || s.Scenario == request.Scenario)
            .OrderByDescending(s => s.Span).ThenBy(s => s.BatchSize == 1 ? 0 : 1).ThenBy(s => s.BatchSize).ThenBy(s => s.Scenario)
            .FirstOrDefault();
        if (story is null)
        {
            return Fallback(request, measured, settings, oldest, newest);
        }

        var baseline = new DecompositionConfiguration(oldest.HardwareId, oldest.Provider, null, story.Older.Id);
        var target = new DecompositionConfiguration(newest.HardwareId, newest.Provider, story.Technique, story.Newer.Id);
        var words = string.Create(CultureInfo.InvariantCulture,
            $"{story.Older.Name} ({story.Older.Published!.PublishedMonth:yyyy}) on {settings.MachineName(oldest.HardwareId)}, {oldest.Provider.DisplayName()}, no technique, " +
            $"against {story.Newer.Name} ({story.Newer.Published!.PublishedMonth:yyyy}) on {settings.MachineName(newest.HardwareId)}, {newest.Provider.DisplayName()}, " +
            $"{(story.Technique is { } t ? t.ApiName() : "no technique (none measured beats it)")}; {story.Older.Task}, batch {story.BatchSize}, {story.Scenario.ApiName()}.");
        return (request with { Baseline = request.Baseline ?? baseline, Target = request.Target ?? target, BatchSize = story.BatchSize, Scenario = story.Scenario }, words);
    }

    private static IEnumerable<Story> Stories(
        IReadOnlyList<MeasuredConfiguration> measured, MeasuredSettings settings, DecompositionMetric metric,
        (int HardwareId, ExecutionProvider Provider) oldest, (int HardwareId, ExecutionProvider Provider) newest)
    {
        CatalogModel? Model(int id) => settings.Models.GetValueOrDefault(id);
        foreach (var group in measured.GroupBy(m => (m.BatchSize, m.Scenario)))
        {
            var onOldest = group.Where(m => m.HardwareId == oldest.HardwareId && m.Provider == oldest.Provider && m.Efficiency(metric) is not null)
                .Select(m => Model(m.ModelId)).OfType<CatalogModel>().Where(m => m.ParentId is null && m.Published is not null).ToList();
            var onNewest = group.Where(m => m.HardwareId == newest.HardwareId && m.Provider == newest.Provider && m.Efficiency(metric) is not null).ToList();
            foreach (var task in onOldest.GroupBy(m => m.Task))
            {
                var older = task.OrderBy(m => m.Published!.PublishedMonth).ThenBy(m => m.Id).First();
                // The newer architecture: a base model of the task measured on the newest hardware, itself or through a variant.
                var newer = onNewest.Select(m => Model(m.ModelId)).OfType<CatalogModel>()
                    .Select(m => m.ParentId is { } parent ? Model(parent) : m).OfType<CatalogModel>()
                    .Where(m => m.ParentId is null && m.Task == task.Key && m.Published is not null)
                    .OrderByDescending(m => m.Published!.PublishedMonth).ThenBy(m => m.Id).FirstOrDefault();
                if (newer is null)
                {
                    continue;
                }

                // The best technique: the most efficient of the newer architecture's variants measured there, or none.
                var best = onNewest.Where(m => m.ModelId == newer.Id || Model(m.ModelId)?.ParentId == newer.Id)
                    .OrderByDescending(m => m.Efficiency(metric)).First();
                var technique = best.ModelId == newer.Id ? null : Model(best.ModelId)?.Technique;
                var span = newer.Published!.PublishedMonth.DayNumber - older.Published!.PublishedMonth.DayNumber;
                yield return new Story(older, newer, technique, group.Key.BatchSize, group.Key.Scenario, span);
            }
        }
    }

    /// <summary>
    /// Without published dates (uploaded models, say): the first model measured on the oldest hardware against the last one
    /// measured on the newest, at a batch size and scenario measured on both, with the newer one's best technique.
    /// </summary>
    private static (DecompositionRequest Request, string? Story) Fallback(
        DecompositionRequest request, IReadOnlyList<MeasuredConfiguration> measured, MeasuredSettings settings,
        (int HardwareId, ExecutionProvider Provider) oldest, (int HardwareId, ExecutionProvider Provider) newest)
    {
        CatalogModel? Architecture(int modelId) => settings.Models.GetValueOrDefault(modelId) is { } m
            ? (m.ParentId is { } parent ? settings.Models.GetValueOrDefault(parent) : m)
            : null;
        bool On(MeasuredConfiguration m, (int HardwareId, ExecutionProvider Provider) h) => m.HardwareId == h.HardwareId && m.Provider == h.Provider;
        var pick = measured.Where(m => m.Efficiency(request.Metric) is not null)
            .GroupBy(m => (m.BatchSize, m.Scenario))
            .Where(g => (request.BatchSize is null || g.Key.BatchSize == request.BatchSize) && (request.Scenario is null || g.Key.Scenario == request.Scenario))
            .Select(g => (g.Key, Older: g.Where(m => On(m, oldest) && settings.Models.GetValueOrDefault(m.ModelId)?.ParentId is null).MinBy(m => m.FirstRunUtc),
                Newer: g.Where(m => On(m, newest)).ToList()))
            .Where(g => g.Older is not null && g.Newer.Count > 0)
            .OrderBy(g => g.Key.BatchSize == 1 ? 0 : 1).ThenBy(g => g.Key.BatchSize).ThenBy(g => g.Key.Scenario)
            .FirstOrDefault();
        if (pick.Older is not { } older || Architecture(pick.Newer.MaxBy(m => m.FirstRunUtc)!.ModelId) is not { } newer)
        {
            return (request, null);
        }

        var best = pick.Newer.Where(m => Architecture(m.ModelId)?.Id == newer.Id).OrderByDescending(m => m.Efficiency(request.Metric)).First();
        var technique = best.ModelId == newer.Id ? null : settings.Models.GetValueOrDefault(best.ModelId)?.Technique;
        var baseline = new DecompositionConfiguration(oldest.HardwareId, oldest.Provider, null, older.ModelId);
        var target = new DecompositionConfiguration(newest.HardwareId, newest.Provider, technique, newer.Id);
        var words = $"No measured architecture has a published date, so the first model measured on the oldest hardware, {settings.ModelName(older.ModelId)} " +
            $"on {settings.MachineName(oldest.HardwareId)}, {oldest.Provider.DisplayName()}, against the last measured on the newest, {newer.Name} on " +
            $"{settings.MachineName(newest.HardwareId)}, {newest.Provider.DisplayName()}, {(technique is { } t ? t.ApiName() : "no technique")}; " +
            $"batch {pick.Key.BatchSize}, {pick.Key.Scenario.ApiName()}.";
        return (request with { Baseline = request.Baseline ?? baseline, Target = request.Target ?? target, BatchSize = pick.Key.BatchSize, Scenario = pick.Key.Scenario }, words);
    }

    private static bool Matches(MeasuredConfiguration row, DecompositionConfiguration configuration) =>
        row.HardwareId == configuration.HardwareId && row.Provider == configuration.Provider && row.ModelId == configuration.ModelId;

    private sealed record Story(CatalogModel Older, CatalogModel Newer, Technique? Technique, int BatchSize, Scenario Scenario, int Span);
}
