namespace EfficiencyDashboard.Web.Exports;

/// <summary>A column in the data dictionary.</summary>
public sealed record ColumnView(string Name, string Type, string? Unit, string Meaning, string Origin, bool Nullable);
