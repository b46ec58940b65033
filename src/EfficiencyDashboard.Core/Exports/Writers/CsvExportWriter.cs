using System.Data.Common;
using System.Globalization;
using CsvHelper;

namespace EfficiencyDashboard.Core.Exports.Writers;

/// <summary>RFC 4180 CSV with a header row; text a spreadsheet would run as a formula is escaped with a leading quote.</summary>
public sealed class CsvExportWriter : IExportWriter
{
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture };

    public async Task WriteAsync(DbDataReader reader, ExportDataset dataset, Stream output, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        foreach (var column in dataset.Columns)
        {
            csv.WriteField(column.Name);
        }

        await csv.EndRecordAsync(cancellationToken);
        var types = dataset.Columns.Select(c => c.Type).ToArray();
        while (reader.Read())
        {
            for (var i = 0; i < types.Length; i++)
            {
                WriteValue(csv, reader, i, types[i]);
            }

            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static void WriteValue(CsvWriter csv, DbDataReader reader, int i, ColumnType type)
    {
        if (reader.IsDBNull(i))
        {
            csv.WriteField("");
            return;
        }

        switch (type)
        {
            case ColumnType.Integer:
                csv.WriteField(reader.GetInt64(i), default);
                break;
            case ColumnType.Real:
                csv.WriteField(reader.GetDouble(i), default);
                break;
            case ColumnType.Boolean:
                csv.WriteField(reader.GetBoolean(i) ? "true" : "false");
                break;
            case ColumnType.Timestamp:
                csv.WriteField(ColumnValues.Timestamp(reader, i), "O");
                break;
            default:
                csv.WriteField(reader.GetString(i));
                break;
        }
    }
}
