using System.Net;
using System.Text.Json.Nodes;
using CsvHelper;
using EfficiencyDashboard.Core.Exports;
using EfficiencyDashboard.Core.Exports.Writers;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Parquet;
using Parquet.Schema;

namespace EfficiencyDashboard.Web.Tests.Exports;

[Collection(DashboardCollection.Name)]
public sealed class ExportsTests(ExportsFixture app) : IClassFixture<ExportsFixture>
{
    public static TheoryData<string, string> EveryDatasetAndFormat()
    {
        var data = new TheoryData<string, string>();
        foreach (var dataset in DataDictionary.Datasets)
        {
            foreach (var format in ExportFormat.All)
            {
                data.Add(dataset.Name, format.Extension);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryDatasetAndFormat))]
    public async Task Every_dataset_downloads_in_every_format_with_its_schema_version(string dataset, string extension)
    {
        var response = await app.Client.GetAsync($"/api/exports/{dataset}.{extension}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExportFormat.FromExtension(extension)!.MediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(DataDictionary.SchemaVersion, response.Headers.GetValues("X-Schema-Version").Single());
        Assert.EndsWith($".{extension}", response.Content.Headers.ContentDisposition?.FileName);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0);
    }

    [Theory]
    [InlineData("runs")]
    [InlineData("results")]
    [InlineData("samples")]
    [InlineData("models")]
    public async Task Parquet_files_read_back_with_typed_columns_and_the_database_row_count(string name)
    {
        var dataset = DataDictionary.Find(name)!;
        await using var file = new MemoryStream(await app.Client.GetByteArrayAsync($"/api/exports/{name}.parquet"));
        await using var reader = await ParquetReader.CreateAsync(file);

        var fields = reader.Schema.GetDataFields();
        Assert.Equal(dataset.Columns.Select(c => c.Name), fields.Select(f => f.Name));
        foreach (var (column, field) in dataset.Columns.Zip(fields))
        {
            // Parquet.Net presents UTF-8 text columns as ReadOnlyMemory<char>.
            var clrType = field.ClrType == typeof(ReadOnlyMemory<char>) ? typeof(string) : field.ClrType;
            Assert.Equal(ExpectedClrType(column.Type), clrType);
            Assert.Equal(column.Nullable, field.IsNullable);
        }

        Assert.Equal(DataDictionary.SchemaVersion, reader.CustomMetadata[ParquetExportWriter.SchemaVersionKey]);
        var rows = Enumerable.Range(0, reader.RowGroupCount).Sum(i => reader.OpenRowGroupReader(i).RowCount);
        Assert.Equal(await DatabaseRowCountAsync(name), rows);
    }

    [Fact]
    public async Task Parquet_values_match_the_database()
    {
        await using var file = new MemoryStream(await app.Client.GetByteArrayAsync($"/api/exports/results.parquet?modelId={await ModelIdAsync()}"));
        await using var reader = await ParquetReader.CreateAsync(file);
        using var group = reader.OpenRowGroupReader(0);
        var fields = reader.Schema.GetDataFields();

        var ids = new long[group.RowCount];
        await group.ReadAsync<long>(fields.Single(f => f.Name == "run_id"), ids);
        var p50 = new double[group.RowCount];
        await group.ReadAsync<double>(fields.Single(f => f.Name == "latency_p50_ms"), p50);
        var measuredAt = new DateTime[group.RowCount];
        await group.ReadAsync<DateTime>(fields.Single(f => f.Name == "measured_at"), measuredAt);

        await using var db = await app.Db.CreateDbContextAsync();
        var expected = await db.RunResults.Where(r => ids.Contains(r.RunId)).OrderBy(r => r.RunId).ToListAsync();
        Assert.Equal(expected.Select(r => r.RunId), ids);
        Assert.Equal(expected.Select(r => r.LatencyP50Ms), p50);
        Assert.Equal(expected.Select(r => r.MeasuredAtUtc), measuredAt.Select(d => DateTime.SpecifyKind(d, DateTimeKind.Unspecified)));
    }

    [Fact]
    public async Task A_csv_with_commas_quotes_newlines_and_a_leading_formula_round_trips_safely()
    {
        var bytes = await app.Client.GetByteArrayAsync("/api/exports/models.csv");
        await using var csv = CsvReader.Create(new MemoryStream(bytes), null, leaveOpen: false);

        string? name = null;
        string? provenance = null;
        while (csv.Read())
        {
            if (csv.GetString("name").EndsWith("new line", StringComparison.Ordinal))
            {
                name = csv.GetString("name");
                provenance = csv.GetString("provenance");
            }
        }

        // The spreadsheet sees text, not a formula; stripping the leading quote gives back the stored value.
        Assert.Equal("'" + ExportsFixture.HostileName, name);
        Assert.Equal("'@SUM(1+1)", provenance);
    }

    [Fact]
    public async Task Json_lines_have_one_typed_object_per_row()
    {
        var text = await app.Client.GetStringAsync($"/api/exports/results.jsonl");
        var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

        Assert.Equal(await DatabaseRowCountAsync("results"), rows.Count);
        Assert.All(rows, r => Assert.Equal(System.Text.Json.JsonValueKind.Number, r["latency_p50_ms"]!.GetValueKind()));
        Assert.Contains(rows, r => r["fallback_reason"]?.GetValueKind() == System.Text.Json.JsonValueKind.String);
        Assert.Contains(rows, r => r.ContainsKey("fallback_reason") && r["fallback_reason"] is null);
        Assert.All(rows, r => Assert.Equal("single-stream", (string?)r["scenario"]));
    }

    [Fact]
    public async Task Filters_select_the_same_rows_as_the_pages()
    {
        var cuda = await app.Client.GetStringAsync("/api/exports/results.jsonl?provider=cuda");
        var cudaSamples = await app.Client.GetStringAsync($"/api/exports/samples.csv?provider=cuda");
        var future = await app.Client.GetStringAsync("/api/exports/runs.jsonl?from=2999-01-01");

        var cudaRows = cuda.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.All(cudaRows, r => Assert.Equal("cuda", (string?)r!["execution_provider"]));
        Assert.Contains(cudaRows, r => (long)r!["run_id"]! == app.CudaRunId);
        Assert.DoesNotContain(cudaRows, r => (long)r!["run_id"]! == app.CpuRunId);
        await using var db = await app.Db.CreateDbContextAsync();
        Assert.Equal(await db.LatencySamples.CountAsync(s => s.RunId == app.CudaRunId), cudaSamples.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
        Assert.Empty(future.Trim());
    }

    [Theory]
    [InlineData("/api/exports/results.csv?provider=quantum", HttpStatusCode.BadRequest)]
    [InlineData("/api/exports/results.csv?from=yesterday-ish", HttpStatusCode.BadRequest)]
    [InlineData("/api/exports/models.csv?status=running", HttpStatusCode.BadRequest)]
    [InlineData("/api/exports/results.xlsx", HttpStatusCode.NotFound)]
    [InlineData("/api/exports/secrets.csv", HttpStatusCode.NotFound)]
    public async Task Malformed_download_requests_get_a_problem(string url, HttpStatusCode status)
    {
        var response = await app.Client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_data_dictionary_describes_every_column_and_downloads_as_csv()
    {
        var dictionary = JsonNode.Parse(await app.Client.GetStringAsync("/api/data-dictionary"))!;
        var csv = await app.Client.GetStringAsync("/api/data-dictionary.csv");

        Assert.Equal(DataDictionary.SchemaVersion, (string?)dictionary["schemaVersion"]);
        var columns = dictionary["datasets"]!.AsArray().SelectMany(d => d!["columns"]!.AsArray()).ToList();
        Assert.Equal(DataDictionary.Datasets.Sum(d => d.Columns.Count), columns.Count);
        Assert.All(columns, c => Assert.False(string.IsNullOrWhiteSpace((string?)c!["meaning"])));
        Assert.Equal(columns.Count + 1, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task The_openapi_document_and_reference_are_served_and_describe_the_datasets()
    {
        var openApi = await app.Client.GetStringAsync("/openapi/v1.json");
        var scalar = await app.Client.GetAsync("/scalar/v1");

        Assert.Contains("/api/exports/{file}", openApi);
        Assert.Contains("throughput_per_second", openApi);
        Assert.Contains("/api/runs/{id}/cancel", openApi);
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
    }

    private static Type ExpectedClrType(ColumnType type) => type switch
    {
        ColumnType.Integer => typeof(long),
        ColumnType.Real => typeof(double),
        ColumnType.Boolean => typeof(bool),
        ColumnType.Timestamp => typeof(DateTime),
        _ => typeof(string),
    };

    private async Task<int> ModelIdAsync() => await app.Client.ModelIdAsync("mobilenetv2-1.0-generated");

    private async Task<long> DatabaseRowCountAsync(string dataset)
    {
        await using var db = await app.Db.CreateDbContextAsync();
        return dataset switch
        {
            "runs" => await db.Runs.CountAsync(),
            "results" => await db.RunResults.CountAsync(),
            "samples" => await db.LatencySamples.CountAsync(),
            _ => await db.Models.CountAsync(),
        };
    }
}
