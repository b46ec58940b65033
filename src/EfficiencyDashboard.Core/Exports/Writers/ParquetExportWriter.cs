using System.Data.Common;
using System.Text.Json;
using Parquet;
using Parquet.Schema;

namespace EfficiencyDashboard.Core.Exports.Writers;

/// <summary>
/// Typed Parquet (numbers as numbers, timestamps as timestamps, nullable where a value can be missing), written in
/// row groups so memory holds one group at a time. The schema version and data dictionary ride in the key-value metadata.
/// </summary>
public sealed class ParquetExportWriter(int cellsPerRowGroup = 1_000_000) : IExportWriter
{
    // Parquet.Net pools its buffers without a bound unless told; a bound keeps long exports flat.
    private static readonly ParquetOptions Options = new() { MaximumSmallPoolFreeBytes = 16 << 20, MaximumLargePoolFreeBytes = 32 << 20 };

    public const string SchemaVersionKey = "efficiencydashboard.schema_version";
    public const string DatasetKey = "efficiencydashboard.dataset";
    public const string ColumnsKey = "efficiencydashboard.columns";

    public async Task WriteAsync(DbDataReader reader, ExportDataset dataset, Stream output, CancellationToken cancellationToken)
    {
        // Row groups hold a fixed number of cells, so a wide table gets shorter groups and memory stays bounded.
        var rowGroupSize = Math.Max(10_000, cellsPerRowGroup / dataset.Columns.Count);
        var columns = dataset.Columns.Select(c => ParquetColumn.For(c, rowGroupSize)).ToArray();
        var schema = new ParquetSchema(columns.Select(c => (Field)c.Field).ToArray());
        // Parquet's footer needs a seekable stream; a response body is not, so the file is staged on disk, never in memory.
        var staging = output.CanSeek ? null : new FileStream(
            Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        await using (staging)
        {
            var target = staging ?? output;
            await using (var writer = await ParquetWriter.CreateAsync(schema, target, Options, cancellationToken: cancellationToken))
            {
                writer.CustomMetadata = new Dictionary<string, string>
                {
                    [SchemaVersionKey] = DataDictionary.SchemaVersion,
                    [DatasetKey] = dataset.Name,
                    [ColumnsKey] = JsonSerializer.Serialize(
                        dataset.Columns.Select(c => new { c.Name, Type = c.Type.ToString(), c.Unit, c.Meaning, Origin = c.Origin.ToString() })),
                };
                var rows = 0;
                while (reader.Read())
                {
                    for (var i = 0; i < columns.Length; i++)
                    {
                        columns[i].Add(reader, i, rows);
                    }

                    if (++rows == rowGroupSize)
                    {
                        await WriteRowGroupAsync(writer, columns, rows, cancellationToken);
                        rows = 0;
                    }
                }

                if (rows > 0)
                {
                    await WriteRowGroupAsync(writer, columns, rows, cancellationToken);
                }
            }

            if (staging is not null)
            {
                staging.Position = 0;
                await staging.CopyToAsync(output, cancellationToken);
            }
        }
    }

    private static async Task WriteRowGroupAsync(ParquetWriter writer, ParquetColumn[] columns, int rows, CancellationToken cancellationToken)
    {
        using var group = writer.CreateRowGroup();
        foreach (var column in columns)
        {
            await column.WriteAsync(group, rows, cancellationToken);
        }
    }
}
