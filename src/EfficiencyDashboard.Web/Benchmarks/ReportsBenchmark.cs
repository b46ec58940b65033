using System.Diagnostics;
using System.Globalization;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Exports;
using EfficiencyDashboard.Core.ReferenceData;
using EfficiencyDashboard.Core.Reports.Aggregates;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Hosting;
using EfficiencyDashboard.Web.Reports.AlgorithmReport;
using EfficiencyDashboard.Web.Reports.ArchitectureReport;
using EfficiencyDashboard.Web.Reports.DecompositionReport;
using EfficiencyDashboard.Web.Reports.Claims;
using EfficiencyDashboard.Web.Reports.Explorer;
using EfficiencyDashboard.Web.Reports.HardwareReport;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Benchmarks;

/// <summary>
/// Times the data work of every report page on a database of 100,000 runs (or a million) and ten latency samples per run,
/// with the shipped reference data and the per-setting aggregates built from the seeded results. Target: median under 300 ms
/// per page.
/// </summary>
public static class ReportsBenchmark
{
    private const double TargetMs = 300;

    public static async Task<int> RunAsync(int runs, int samplesPerRun, int iterations, TextWriter output)
    {
        await using var database = await BenchmarkDatabase.CreateAsync();
        var seeding = Stopwatch.StartNew();
        await database.SeedAsync(runs, samplesPerRun);
        await using (var db = database.CreateContext())
        {
            await ReferenceDataImport.EnsureAsync(db, Path.Combine(RepositoryLayout.FindContentRoot(), "data", "reference"), DateTime.UtcNow, CancellationToken.None);
        }

        output.WriteLine($"Seeded {runs:N0} runs with results, {runs * (long)samplesPerRun:N0} latency samples and the reference data in {seeding.Elapsed.TotalSeconds:F0} s.");
        // The seed bypasses the runner, so the aggregates are built once from scratch, as after the migration that added them.
        var building = Stopwatch.StartNew();
        await using (var db = database.CreateContext())
        {
            await SettingAggregates.RebuildAsync(db);
            output.WriteLine($"Built {await db.SettingAggregates.CountAsync():N0} per-setting aggregate rows and {await db.DailyBests.CountAsync():N0} daily bests from scratch in {building.Elapsed.TotalSeconds:F1} s.");
        }

        output.WriteLine();
        output.WriteLine("| page | data work | median (ms) | p90 (ms) | max (ms) |");
        output.WriteLine("|---|---|---|---|---|");
        var factory = new BenchmarkContextFactory(database);
        var claims = new ClaimsReport(factory, TimeProvider.System);
        var asOf = DateOnly.FromDateTime(DateTime.UtcNow);
        long[] compareIds = [1, 2, 3];
        var pages = new PageWork[]
        {
            new("/", "claims: groups, central estimates, verdicts, settling runs, headlines from the daily bests", _ => claims.BuildAsync()),
            new("/", "the same, right after a run succeeded (its result added to the aggregates, untimed)", _ => claims.BuildAsync(), database.AddSucceededRunAsync),
            new("/", "the same with INVALID runs included", _ => claims.BuildAsync(Reports.RunSelection.IncludeInvalid)),
            new("/", "the same, first view after start-up: also reads the reference data", _ => new ClaimsReport(factory, TimeProvider.System).BuildAsync()),
            new("/hardware", "MLPerf trends, datasheet doubling times, measured hosts", db => HardwareReportData.LoadAsync(db, new HardwareReportFilters("resnet50"), asOf)),
            new("/algorithms", "every variant and student vs its parent or teacher, with CIs", db => AlgorithmReportData.LoadAsync(db, new AlgorithmFilters(BatchSize: 1))),
            new("/decomposition", "the two-year story's baseline and target, 8 cells, Shapley factors", db => DecompositionReportData.LoadAsync(db, DecompositionRequest.Parse(null, null, null, null, null))),
            new("/architectures", "each model's efficiency vs size and published quality, Pareto fronts", db => ArchitectureReportData.LoadAsync(db, new ArchitectureReportFilters(2, ExecutionProvider.Cpu))),
            new("/runs (explorer)", "page 1 of 50, newest first, with total", db => RunExplorerQuery.PageAsync(db, new RunExplorerFilter(ExportFilter.None), RunExplorerSort.NewestFirst, 0, 50)),
            new("/runs (explorer)", "filtered by family and provider, sorted by throughput", db => RunExplorerQuery.PageAsync(
                db, new RunExplorerFilter(new ExportFilter(Family: "ResNet", Provider: "cpu")), new RunExplorerSort(RunExplorerSortKey.Throughput, true), 3, 50)),
            new("/compare", "three runs with their samples", db => Reports.Explorer.RunComparison.LoadAsync(db, compareIds, compareIds[0])),
        };

        var ok = true;
        foreach (var (page, work, load, before) in pages)
        {
            var timings = new List<double>();
            for (var i = 0; i <= iterations; i++)
            {
                if (before is not null)
                {
                    await before();
                }

                await using var db = database.CreateContext();
                var clock = Stopwatch.StartNew();
                await load(db);
                // The first pass compiles queries and warms SQLite's cache; it is not counted.
                if (i > 0)
                {
                    timings.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            timings.Sort();
            var median = timings[timings.Count / 2];
            ok &= median < TargetMs;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {page} | {work} | {median:F1} | {timings[(int)Math.Ceiling(0.9 * timings.Count) - 1]:F1} | {timings[^1]:F1} |"));
        }

        output.WriteLine();
        output.WriteLine(ok ? $"Every page's data work has a median under {TargetMs} ms." : $"A page missed the {TargetMs} ms target (see the table).");
        return ok ? 0 : 1;
    }

    /// <summary>One page's data work; <paramref name="Before"/>, untimed, sets up each pass (a run finishing, say).</summary>
    private sealed record PageWork(string Page, string Work, Func<EfficiencyContext, Task> Load, Func<Task>? Before = null);

    private sealed class BenchmarkContextFactory(BenchmarkDatabase database) : IDbContextFactory<EfficiencyContext>
    {
        public EfficiencyContext CreateDbContext() => database.CreateContext();
    }
}
