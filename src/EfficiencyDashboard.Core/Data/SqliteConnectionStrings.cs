using Microsoft.Data.Sqlite;

namespace EfficiencyDashboard.Core.Data;

public static class SqliteConnectionStrings
{
    /// <summary>The connection string of the dashboard database in <paramref name="dataDirectory"/>.</summary>
    public static string ForDataDirectory(string dataDirectory) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDirectory, "efficiency.db"),
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();
}
