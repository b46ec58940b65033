using EfficiencyDashboard.Core.Exports;
using Microsoft.AspNetCore.WebUtilities;

namespace EfficiencyDashboard.Web.Components.Exports;

/// <summary>The filters chosen on the Downloads page, as they appear in its URL and in each download link.</summary>
public sealed record DownloadFilters(string? From, string? To, string? Hardware, int? ModelId, string? Family, string? Provider, string? Status)
{
    private IEnumerable<(ExportFilterField Field, string Key, string? Value)> Entries()
    {
        yield return (ExportFilterField.Date, "from", From);
        yield return (ExportFilterField.Date, "to", To);
        yield return (ExportFilterField.Hardware, "hardware", Hardware);
        yield return (ExportFilterField.Model, "modelId", ModelId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return (ExportFilterField.Family, "family", Family);
        yield return (ExportFilterField.Provider, "provider", Provider);
        yield return (ExportFilterField.Status, "status", Status);
    }

    /// <summary>The query string for a dataset: only the filters it supports, so every link works.</summary>
    public string QueryFor(ExportDataset? dataset) => QueryHelpers.AddQueryString("", Entries()
        .Where(e => !string.IsNullOrWhiteSpace(e.Value) && (dataset is null || dataset.Filters.ContainsKey(e.Field)))
        .Select(e => new KeyValuePair<string, string?>(e.Key, e.Value)));

    /// <summary>The set filters a dataset ignores, to say so beside its links.</summary>
    public IReadOnlyList<string> IgnoredBy(ExportDataset dataset) =>
        [.. Entries().Where(e => !string.IsNullOrWhiteSpace(e.Value) && !dataset.Filters.ContainsKey(e.Field)).Select(e => e.Key).Distinct()];
}
