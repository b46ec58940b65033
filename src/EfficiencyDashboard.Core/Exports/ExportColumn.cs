namespace EfficiencyDashboard.Core.Exports;

/// <summary>One column of a dataset: its entry in the data dictionary and the SQL that reads it.</summary>
/// <param name="Name">The column name in every format (snake_case).</param>
/// <param name="Unit">The unit, or null for identifiers, words and counts of things.</param>
/// <param name="Meaning">What the value means; the data dictionary and OpenAPI show this text.</param>
/// <param name="Sql">The SQL expression over the dataset's tables.</param>
public sealed record ExportColumn(string Name, ColumnType Type, string? Unit, string Meaning, ValueOrigin Origin, string Sql, bool Nullable = false);
