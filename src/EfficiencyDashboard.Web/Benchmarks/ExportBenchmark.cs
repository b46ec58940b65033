using System.Diagnostics;
using System.Globalization;
using EfficiencyDashboard.Core.Exports;
using Microsoft.Data.Sqlite;

namespace EfficiencyDashboard.Web.Benchmarks;

/// <summary>
/// Times streamed exports of a large database in every format, with peak memory growth, beside the sqlite3 shell
/// exporting the same query as CSV. Targets: CSV at least half the shell's speed; memory growth under 100 MiB.
/// </summary>
public static class ExportBenchmark
{
    public static async Task<int> RunAsync(int resultRows, int sampleRows, TextWriter output)
    {
        var samplesPerRun = Math.Max(1, sampleRows / resultRows);
        await using var database = await BenchmarkDatabase.CreateAsync();
        var seeding = Stopwatch.StartNew();
        await database.SeedAsync(resultRows, samplesPerRun);
        output.WriteLine($"Seeded {resultRows:N0} runs with results and {resultRows * (long)samplesPerRun:N0} latency samples in {seeding.Elapsed.TotalSeconds:F0} s ({database.Path}).");
        // A first pass over a quarter of the rows compiles the export paths, so the timings below are steady-state.
        foreach (var format in ExportFormat.All)
        {
            await ExportOnceAsync(database, DataDictionary.Find("results")!, format, new ExportFilter(Hardware: "bench-host-0"));
        }

        output.WriteLine();
        output.WriteLine("| dataset | format | rows | MB | seconds | MB/s | rows/s | peak memory growth (MiB) |");
        output.WriteLine("|---|---|---|---|---|---|---|---|");

        var ok = true;
        foreach (var dataset in new[] { DataDictionary.Find("results")!, DataDictionary.Find("samples")! })
        {
            var rows = dataset.Name == "results" ? resultRows : resultRows * (long)samplesPerRun;
            double? csvSeconds = null;
            foreach (var format in ExportFormat.All)
            {
                var (bytes, seconds, growth) = await ExportOnceAsync(database, dataset, format, ExportFilter.None);
                csvSeconds ??= seconds;
                ok &= growth < 100;
                output.WriteLine(Row(dataset.Name, format.Extension, rows, bytes, seconds, growth));
            }

            var shell = await SqliteShellSecondsAsync(database, dataset);
            if (shell is { } shellSeconds)
            {
                output.WriteLine(Row(dataset.Name, "csv (sqlite3 shell)", rows, null, shellSeconds, null));
                var ratio = shellSeconds / csvSeconds!.Value;
                ok &= ratio >= 0.5;
                output.WriteLine($"| {dataset.Name} | **CSV speed vs sqlite3** | | | | **{ratio:F2}x** (target >= 0.5) | | |");
            }
            else
            {
                output.WriteLine($"| {dataset.Name} | sqlite3 shell not found on PATH: no comparison | | | | | | |");
            }
        }

        output.WriteLine();
        output.WriteLine(ok ? "All export targets met." : "An export target was missed (see the table).");
        return ok ? 0 : 1;
    }

    private static async Task<(long Bytes, double Seconds, double GrowthMiB)> ExportOnceAsync(
        BenchmarkDatabase database, ExportDataset dataset, ExportFormat format, ExportFilter filter)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        var sink = new CountingStream();
        using var memory = new PeakMemory();
        var clock = Stopwatch.StartNew();
        await DatasetExporter.ExportAsync(connection, dataset, filter, format, sink, CancellationToken.None);
        return (sink.BytesWritten, clock.Elapsed.TotalSeconds, memory.GrowthMiB);
    }

    /// <summary>The sqlite3 shell running the same SQL to CSV, discarding the output as the benchmark's own sink does.</summary>
    private static async Task<double?> SqliteShellSecondsAsync(BenchmarkDatabase database, ExportDataset dataset)
    {
        var start = new ProcessStartInfo("sqlite3") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-csv", "-header", "-cmd", ".output /dev/null", database.Path, ExportQuery.For(dataset, ExportFilter.None).Sql })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? clock.Elapsed.TotalSeconds : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string Row(string dataset, string format, long rows, long? bytes, double seconds, double? growth)
    {
        var inv = CultureInfo.InvariantCulture;
        var mb = bytes is { } b ? b / 1e6 : (double?)null;
        return string.Create(inv,
            $"| {dataset} | {format} | {rows:N0} | {(mb is { } m ? m.ToString("F1", inv) : "")} | {seconds:F2} | {(mb is { } m2 ? (m2 / seconds).ToString("F1", inv) : "")} | {rows / seconds:N0} | {(growth is { } g ? g.ToString("F1", inv) : "")} |");
    }
}
