using CsvHelper;
using EfficiencyDashboard.Core.Exports;

namespace EfficiencyDashboard.Web.Exports;

/// <summary>The data dictionary as the API and the Downloads page present it.</summary>
public sealed record DataDictionaryView(string SchemaVersion, IReadOnlyList<string> Formats, IReadOnlyList<DatasetView> Datasets)
{
    public static DataDictionaryView Current { get; } = new(
        DataDictionary.SchemaVersion,
        [.. ExportFormat.All.Select(f => f.Extension)],
        [.. DataDictionary.Datasets.Select(d => new DatasetView(
            d.Name,
            d.Description,
            [.. d.Filters.Keys.Select(f => f.ToString().ToLowerInvariant())],
            [.. d.Columns.Select(c => new ColumnView(c.Name, c.Type.ToString().ToLowerInvariant(), c.Unit, c.Meaning, c.Origin.ToString().ToLowerInvariant(), c.Nullable))]))]);

    public static async Task WriteCsvAsync(Stream output, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        foreach (var header in new[] { "dataset", "column", "type", "unit", "nullable", "origin", "meaning" })
        {
            csv.WriteField(header);
        }

        await csv.EndRecordAsync(cancellationToken);
        foreach (var dataset in Current.Datasets)
        {
            foreach (var c in dataset.Columns)
            {
                foreach (var field in new[] { dataset.Name, c.Name, c.Type, c.Unit ?? "", c.Nullable ? "true" : "false", c.Origin, c.Meaning })
                {
                    csv.WriteField(field);
                }

                await csv.EndRecordAsync(cancellationToken);
            }
        }

        await csv.FlushAsync(cancellationToken);
    }
}
