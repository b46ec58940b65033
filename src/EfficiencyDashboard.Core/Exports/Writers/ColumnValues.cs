using System.Data.Common;

namespace EfficiencyDashboard.Core.Exports.Writers;

/// <summary>Reads a column's value with the type the data dictionary gives it.</summary>
internal static class ColumnValues
{
    /// <summary>SQLite keeps UTC instants as text without a zone; they are UTC by construction.</summary>
    public static DateTime Timestamp(DbDataReader reader, int ordinal) =>
        DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);
}
