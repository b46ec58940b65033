using System.Data;
using System.Data.Common;
using EfficiencyDashboard.Core.Exports.Writers;

namespace EfficiencyDashboard.Core.Exports;

/// <summary>Streams a dataset from the database to a file format.</summary>
public static class DatasetExporter
{
    public static IExportWriter WriterFor(ExportFormat format) =>
        format == ExportFormat.Csv ? new CsvExportWriter()
        : format == ExportFormat.JsonLines ? new JsonLinesExportWriter()
        : new ParquetExportWriter();

    /// <summary>Runs the dataset's query on an open connection and writes every row to <paramref name="output"/>.</summary>
    public static async Task ExportAsync(
        DbConnection connection, ExportDataset dataset, ExportFilter filter, ExportFormat format, Stream output, CancellationToken cancellationToken)
    {
        var query = ExportQuery.For(dataset, filter);
        await using var command = connection.CreateCommand();
        command.CommandText = query.Sql;
        foreach (var (name, value) in query.Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        await WriterFor(format).WriteAsync(reader, dataset, output, cancellationToken);
    }

    /// <summary>Writes computed rows (a reader over them) in the dataset's columns and the format.</summary>
    public static Task WriteAsync(DbDataReader rows, ExportDataset dataset, ExportFormat format, Stream output, CancellationToken cancellationToken) =>
        WriterFor(format).WriteAsync(rows, dataset, output, cancellationToken);
}
