namespace EfficiencyDashboard.Core.Exports;

/// <summary>A downloadable table: its columns, where its rows come from, and which filters apply.</summary>
/// <param name="Name">The dataset name in URLs, for example <c>results</c>.</param>
/// <param name="From">The SQL FROM clause (tables and joins).</param>
/// <param name="OrderBy">A stable order, so two downloads of the same data are identical.</param>
/// <param name="Filters">For each filter this dataset supports, the SQL column it compares.</param>
/// <param name="Computed">Rows are computed by the app (claims and verdicts), not read with SQL; no filters apply.</param>
public sealed record ExportDataset(
    string Name,
    string Description,
    IReadOnlyList<ExportColumn> Columns,
    string From,
    string OrderBy,
    IReadOnlyDictionary<ExportFilterField, string> Filters,
    bool Computed = false);
