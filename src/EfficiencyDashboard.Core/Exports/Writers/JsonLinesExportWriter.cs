using System.Buffers;
using System.Data.Common;
using System.IO.Pipelines;
using System.Text.Json;

namespace EfficiencyDashboard.Core.Exports.Writers;

/// <summary>One JSON object per line, with the data dictionary's column names and types; missing values are null.</summary>
public sealed class JsonLinesExportWriter : IExportWriter
{
    private const int FlushThresholdBytes = 64 * 1024;

    public async Task WriteAsync(DbDataReader reader, ExportDataset dataset, Stream output, CancellationToken cancellationToken)
    {
        var pipe = PipeWriter.Create(output, new StreamPipeWriterOptions(leaveOpen: true));
        var names = dataset.Columns.Select(c => JsonEncodedText.Encode(c.Name)).ToArray();
        var types = dataset.Columns.Select(c => c.Type).ToArray();
        // Rows are written into the pipe's buffer and handed to the stream in 64 KB pieces, not row by row.
        await using (var json = new Utf8JsonWriter((IBufferWriter<byte>)pipe, new JsonWriterOptions { SkipValidation = true }))
        {
            while (reader.Read())
            {
                json.WriteStartObject();
                for (var i = 0; i < types.Length; i++)
                {
                    WriteValue(json, names[i], reader, i, types[i]);
                }

                json.WriteEndObject();
                json.Flush();
                json.Reset();
                pipe.Write("\n"u8);
                if (pipe.UnflushedBytes >= FlushThresholdBytes)
                {
                    await pipe.FlushAsync(cancellationToken);
                }
            }
        }

        await pipe.CompleteAsync();
    }

    private static void WriteValue(Utf8JsonWriter json, JsonEncodedText name, DbDataReader reader, int i, ColumnType type)
    {
        if (reader.IsDBNull(i))
        {
            json.WriteNull(name);
            return;
        }

        switch (type)
        {
            case ColumnType.Integer:
                json.WriteNumber(name, reader.GetInt64(i));
                break;
            case ColumnType.Real:
                json.WriteNumber(name, reader.GetDouble(i));
                break;
            case ColumnType.Boolean:
                json.WriteBoolean(name, reader.GetBoolean(i));
                break;
            case ColumnType.Timestamp:
                json.WriteString(name, ColumnValues.Timestamp(reader, i));
                break;
            default:
                json.WriteString(name, reader.GetString(i));
                break;
        }
    }
}
