namespace EfficiencyDashboard.Core.Exports;

/// <summary>The type of an exported column, as CSV, JSON lines and Parquet carry it.</summary>
public enum ColumnType
{
    Text,
    Integer,
    Real,
    Boolean,

    /// <summary>A UTC instant: ISO 8601 in CSV and JSON lines, a timestamp in Parquet.</summary>
    Timestamp,
}
