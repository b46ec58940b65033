namespace EfficiencyDashboard.Core.Exports;

/// <summary>The filters the pages and the export URLs share.</summary>
public enum ExportFilterField
{
    Date,
    Hardware,
    Model,
    Family,
    Provider,
    Status,
}
