using System.Globalization;
using EfficiencyDashboard.Core.Exports;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Exports;
using Microsoft.AspNetCore.WebUtilities;

namespace EfficiencyDashboard.Web.Reports.Explorer;

/// <summary>The run explorer's filters: the shared export filters plus the scenario, host contention and who requested the run, named in the URL as the exports name them.</summary>
/// <param name="CreatedBy">Only runs this user requested ("my runs").</param>
public sealed record RunExplorerFilter(ExportFilter Shared, Scenario? Scenario = null, HostContentionFilter? Contention = null, string? CreatedBy = null)
{
    public const string ScenarioKey = "scenario";

    public const string ContentionKey = "contention";

    public const string CreatedByKey = "createdBy";

    /// <summary>Every query-string key the explorer reads.</summary>
    public static readonly string[] Keys = [.. ExportFilterBinding.Keys, ScenarioKey, ContentionKey, CreatedByKey];

    public static RunExplorerFilter None { get; } = new(ExportFilter.None);

    /// <summary>Reads the filters; a value that does not parse is reported and left out, so the rest still applies.</summary>
    public static (RunExplorerFilter Filter, Dictionary<string, string[]> Errors) Parse(IQueryCollection query)
    {
        var (shared, errors) = ExportFilterBinding.Parse(query);
        shared = shared with
        {
            Family = errors.ContainsKey("family") ? null : shared.Family,
            Provider = errors.ContainsKey("provider") ? null : shared.Provider,
            Status = errors.ContainsKey("status") ? null : shared.Status?.ToLowerInvariant(),
        };

        Scenario? scenario = null;
        if (query.TryGetValue(ScenarioKey, out var text) && !string.IsNullOrWhiteSpace(text))
        {
            scenario = ScenarioExtensions.Parse(text.ToString());
            if (scenario is null)
            {
                errors[ScenarioKey] = [$"Unknown scenario '{text}': use single-stream, offline or server."];
            }
        }

        HostContentionFilter? contention = null;
        if (query.TryGetValue(ContentionKey, out var contentionText) && !string.IsNullOrWhiteSpace(contentionText))
        {
            contention = ParseContention(contentionText.ToString());
            if (contention is null)
            {
                errors[ContentionKey] = [$"Unknown contention filter '{contentionText}': use host-busy, quiet or not-measured."];
            }
        }

        var createdBy = query.TryGetValue(CreatedByKey, out var who) && !string.IsNullOrWhiteSpace(who) ? who.ToString().Trim() : null;
        return (new RunExplorerFilter(shared, scenario, contention, createdBy), errors);
    }

    /// <summary>Reads the filters from a page address.</summary>
    public static (RunExplorerFilter Filter, Dictionary<string, string[]> Errors) FromUri(string uri)
    {
        var question = uri.IndexOf('?', StringComparison.Ordinal);
        var query = question < 0 ? [] : QueryHelpers.ParseQuery(uri[question..]);
        return Parse(new QueryCollection(query));
    }

    /// <summary>Every explorer key with its value, null where unset, for NavigationManager.GetUriWithQueryParameters.</summary>
    public IReadOnlyDictionary<string, object?> QueryParameters() => new Dictionary<string, object?>
    {
        ["from"] = Date(Shared.FromUtc),
        ["to"] = Date(Shared.ToUtc),
        ["hardware"] = Shared.Hardware,
        ["modelId"] = Shared.ModelId?.ToString(CultureInfo.InvariantCulture),
        ["family"] = Shared.Family,
        ["provider"] = Shared.Provider,
        ["status"] = Shared.Status,
        [ScenarioKey] = Scenario?.ApiName(),
        [ContentionKey] = Contention is { } c ? ContentionName(c) : null,
        [CreatedByKey] = CreatedBy,
    };

    /// <summary>The filter as the URL spells it: host-busy, quiet, not-measured.</summary>
    public static string ContentionName(HostContentionFilter filter) => filter switch
    {
        HostContentionFilter.HostBusy => "host-busy",
        HostContentionFilter.Quiet => "quiet",
        _ => "not-measured",
    };

    private static HostContentionFilter? ParseContention(string text) =>
        Enum.GetValues<HostContentionFilter>().Cast<HostContentionFilter?>().FirstOrDefault(f => ContentionName(f!.Value) == text.Trim().ToLowerInvariant());

    /// <summary>The query string of the export download for the same rows: the export filters only (exports have no scenario or contention filter).</summary>
    public string ExportQueryString() => QueryHelpers.AddQueryString("", QueryParameters()
        .Where(p => p.Key != ScenarioKey && p.Key != ContentionKey && p.Key != CreatedByKey && p.Value is string { Length: > 0 })
        .Select(p => new KeyValuePair<string, string?>(p.Key, (string)p.Value!)));

    private static string? Date(DateTime? value) => value switch
    {
        null => null,
        { TimeOfDay.Ticks: 0 } d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        { } d => d.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
    };
}
