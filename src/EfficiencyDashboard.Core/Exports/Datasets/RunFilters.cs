namespace EfficiencyDashboard.Core.Exports.Datasets;

/// <summary>The filter columns of datasets built on runs (alias r), models (m) and results (x).</summary>
internal static class RunFilters
{
    public const string RunTables = "Runs r JOIN Models m ON m.Id = r.ModelId LEFT JOIN RunResults x ON x.RunId = r.Id";

    public static IReadOnlyDictionary<ExportFilterField, string> All { get; } = new Dictionary<ExportFilterField, string>
    {
        [ExportFilterField.Date] = "r.CreatedAtUtc",
        [ExportFilterField.Hardware] = "x.MachineName",
        [ExportFilterField.Model] = "r.ModelId",
        [ExportFilterField.Family] = "m.Family",
        [ExportFilterField.Provider] = "r.ExecutionProvider",
        [ExportFilterField.Status] = "r.Status",
    };
}
