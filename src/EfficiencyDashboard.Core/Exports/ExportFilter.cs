namespace EfficiencyDashboard.Core.Exports;

/// <summary>A selection of rows: every given filter must hold. Null means "any".</summary>
/// <param name="FromUtc">Rows at or after this instant (run creation, or model addition).</param>
/// <param name="ToUtc">Rows before this instant.</param>
/// <param name="Hardware">The machine name the run executed on.</param>
/// <param name="Provider">The requested execution provider, as the API spells it (cpu, cuda, tensorrt).</param>
/// <param name="Status">The run status, as the API spells it (queued, running, succeeded, ...).</param>
public sealed record ExportFilter(
    DateTime? FromUtc = null,
    DateTime? ToUtc = null,
    string? Hardware = null,
    int? ModelId = null,
    string? Family = null,
    string? Provider = null,
    string? Status = null)
{
    public static ExportFilter None { get; } = new();

    /// <summary>The filter fields that are set.</summary>
    public IEnumerable<ExportFilterField> Given()
    {
        if (FromUtc is not null || ToUtc is not null) yield return ExportFilterField.Date;
        if (Hardware is not null) yield return ExportFilterField.Hardware;
        if (ModelId is not null) yield return ExportFilterField.Model;
        if (Family is not null) yield return ExportFilterField.Family;
        if (Provider is not null) yield return ExportFilterField.Provider;
        if (Status is not null) yield return ExportFilterField.Status;
    }
}
