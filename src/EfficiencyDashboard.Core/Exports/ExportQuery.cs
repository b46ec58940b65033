namespace EfficiencyDashboard.Core.Exports;

/// <summary>The SQL that streams a dataset's rows under a filter, with its parameters.</summary>
public sealed record ExportQuery(string Sql, IReadOnlyDictionary<string, object> Parameters)
{
    /// <summary>What is wrong with <paramref name="filter"/> for <paramref name="dataset"/>; empty when it applies.</summary>
    public static IReadOnlyList<string> Problems(ExportDataset dataset, ExportFilter filter) =>
    [
        .. filter.Given()
            .Where(f => !dataset.Filters.ContainsKey(f))
            .Select(f => $"The {f.ToString().ToLowerInvariant()} filter does not apply to the {dataset.Name} dataset."),
    ];

    public static ExportQuery For(ExportDataset dataset, ExportFilter filter)
    {
        var where = new List<string>();
        var parameters = new Dictionary<string, object>();
        void Add(ExportFilterField field, string comparison, string name, object? value)
        {
            if (value is not null && dataset.Filters.TryGetValue(field, out var column))
            {
                where.Add(string.Format(comparison, column, "$" + name));
                parameters["$" + name] = value;
            }
        }

        Add(ExportFilterField.Date, "{0} >= {1}", "from", filter.FromUtc);
        Add(ExportFilterField.Date, "{0} < {1}", "to", filter.ToUtc);
        Add(ExportFilterField.Hardware, "{0} = {1}", "hardware", filter.Hardware);
        Add(ExportFilterField.Model, "{0} = {1}", "model", filter.ModelId);
        Add(ExportFilterField.Family, "lower({0}) = lower({1})", "family", filter.Family);
        Add(ExportFilterField.Provider, "lower({0}) = lower({1})", "provider", filter.Provider);
        Add(ExportFilterField.Status, "lower({0}) = lower({1})", "status", filter.Status);

        var select = string.Join(", ", dataset.Columns.Select(c => $"{c.Sql} AS \"{c.Name}\""));
        var whereClause = where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "";
        return new ExportQuery($"SELECT {select} FROM {dataset.From}{whereClause} ORDER BY {dataset.OrderBy}", parameters);
    }
}
