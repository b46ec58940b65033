using System.Text.Json.Nodes;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Web.Commands;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace EfficiencyDashboard.Web.Tests.Commands;

[Collection(DashboardCollection.Name)]
public sealed class HeadlessRunTests : IDisposable
{
    private readonly TemporaryDataDirectory _data = new();

    private Dictionary<string, string?> Settings => new(DashboardFactory.SmallCatalog) { ["Storage:DataDirectory"] = _data.Path };

    [Fact]
    public async Task Runs_from_a_json_file_are_stored_and_printed_as_the_api_returns_them()
    {
        var file = Path.Combine(_data.Path, "suite.json");
        await File.WriteAllTextAsync(file, """
            {"runs": [
              {"modelId": 1, "batchSize": 2, "durationSeconds": 0.2, "minQueries": 5, "warmupQueries": 1},
              {"modelId": 1, "executionProvider": "cpu", "batchSize": 1, "durationSeconds": 0.2, "minQueries": 5}
            ]}
            """);
        var output = new StringWriter();

        var exitCode = await HeadlessRun.RunAsync(file, output, new StringWriter(), Settings);

        Assert.Equal(0, exitCode);
        var runs = JsonNode.Parse(output.ToString())!.AsArray();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal("succeeded", (string?)r!["status"]));
        Assert.Equal(2, (int)runs[0]!["config"]!["batchSize"]!);
        Assert.True((double)runs[0]!["result"]!["throughputPerSecond"]! > 0);
        Assert.Equal(2L, await CountAsync("SELECT count(*) FROM RunResults"));
    }

    [Fact]
    public async Task An_invalid_request_stops_with_a_message_and_queues_nothing()
    {
        var file = Path.Combine(_data.Path, "bad.json");
        await File.WriteAllTextAsync(file, """{"modelId": 1, "batchSize": 0}""");
        var error = new StringWriter();

        var exitCode = await HeadlessRun.RunAsync(file, new StringWriter(), error, Settings);

        Assert.Equal(2, exitCode);
        Assert.Contains("Batch size must be between 1 and", error.ToString());
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM Runs"));
    }

    [Fact]
    public async Task A_file_that_is_not_json_gets_a_clear_message()
    {
        var file = Path.Combine(_data.Path, "nonsense.json");
        await File.WriteAllTextAsync(file, "runs: all of them");
        var error = new StringWriter();

        var exitCode = await HeadlessRun.RunAsync(file, new StringWriter(), error, Settings);

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"Cannot read run requests from '{file}'", error.ToString());
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection(SqliteConnectionStrings.ForDataDirectory(_data.Path));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
