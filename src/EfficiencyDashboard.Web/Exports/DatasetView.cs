namespace EfficiencyDashboard.Web.Exports;

/// <summary>A dataset in the data dictionary: what it holds, the filters it takes, its columns.</summary>
public sealed record DatasetView(string Name, string Description, IReadOnlyList<string> Filters, IReadOnlyList<ColumnView> Columns);
