namespace EfficiencyDashboard.Core.Exports;

/// <summary>A download format: its file extension and media type.</summary>
public sealed record ExportFormat(string Extension, string MediaType)
{
    public static ExportFormat Csv { get; } = new("csv", "text/csv");

    public static ExportFormat JsonLines { get; } = new("jsonl", "application/jsonl");

    public static ExportFormat Parquet { get; } = new("parquet", "application/vnd.apache.parquet");

    public static IReadOnlyList<ExportFormat> All { get; } = [Csv, JsonLines, Parquet];

    public static ExportFormat? FromExtension(string extension) =>
        All.FirstOrDefault(f => string.Equals(f.Extension, extension, StringComparison.OrdinalIgnoreCase));
}
