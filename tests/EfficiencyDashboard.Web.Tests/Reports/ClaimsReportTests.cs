using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Core.Reports.Claims;
using EfficiencyDashboard.Web.Benchmarks;
using EfficiencyDashboard.Web.Reports.AlgorithmReport;
using EfficiencyDashboard.Web.Reports.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Tests.Reports;

/// <summary>
/// The overview's measured evidence on a synthetic database: the same comparisons as the algorithms page, and a cached
/// overview that a newly succeeded run renews, also one that succeeds out of id order (the CPU and GPU queues finish independently).
/// </summary>
public sealed class ClaimsReportTests : IAsyncLifetime
{
    // 48 synthetic runs over 8 models, half of them int8 variants of the other half (see BenchmarkDatabase.SeedAsync):
    // run 5 (an int8 variant, batch 32) shares its setup with run 29 (same variant) and runs 17 and 41 (its parent).
    private const long LateRun = 5;

    private BenchmarkDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await BenchmarkDatabase.CreateAsync();
        await _database.SeedAsync(runs: 48, samplesPerRun: 0);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_run_with_a_lower_id_that_succeeds_after_a_view_reaches_the_next_view()
    {
        await SetStatusAsync(LateRun, "Running");
        var report = new ClaimsReport(new Factory(_database), TimeProvider.System);
        Assert.DoesNotContain(LateRun, QuantizationRunIds(await report.BuildAsync()));

        await _database.AddSucceededRunAsync();
        var afterNewRun = await report.BuildAsync();
        Assert.Contains(49L, AllRunIds(afterNewRun));
        Assert.DoesNotContain(LateRun, QuantizationRunIds(afterNewRun));

        await SetStatusAsync(LateRun, "Succeeded");
        var afterLateRun = await report.BuildAsync();

        Assert.Contains(LateRun, QuantizationRunIds(afterLateRun));
        Assert.Equivalent(Summary(await new ClaimsReport(new Factory(_database), TimeProvider.System).BuildAsync()), Summary(afterLateRun));
    }

    [Fact]
    public async Task Quantization_evidence_is_the_algorithms_page_comparisons_of_the_int8_variants()
    {
        var overview = await new ClaimsReport(new Factory(_database), TimeProvider.System).BuildAsync();
        await using var db = _database.CreateContext();
        var algorithms = await AlgorithmReportData.LoadAsync(db, new AlgorithmFilters());

        var evidence = overview.Claims.Single(c => c.Id == ArticleClaims.Quantization.Id).Evidence.Where(e => e.Provenance == ProvenanceKind.Measured).ToList();
        var comparisons = algorithms.Comparisons.Where(c => c.Variant.Technique == Technique.Int8Static).ToList();
        Assert.NotEmpty(comparisons);
        Assert.Equal(comparisons.Select(c => c.SpeedUp.Factor), evidence.Select(e => e.Factor));
        Assert.Equal(comparisons.Select(c => c.BaselineRunIds.Concat(c.VariantRunIds).Order()), evidence.Select(e => e.Runs.Select(r => r.Id).Order()));
        // Every fifth synthetic run is INVALID, and is labelled so with its own reason.
        Assert.All(evidence.SelectMany(e => e.Runs), r => Assert.Equal(r.Id % 5 != 0, r.IsValid));
    }

    [Fact]
    public async Task A_new_run_renews_a_cached_overview_and_an_unchanged_database_gives_the_cached_one()
    {
        var report = new ClaimsReport(new Factory(_database), TimeProvider.System);
        var before = await report.BuildAsync();
        Assert.Same(before, await report.BuildAsync());

        await _database.AddSucceededRunAsync();
        var after = await report.BuildAsync();

        Assert.NotSame(before, after);
        Assert.Contains(49L, AllRunIds(after));
        Assert.Equivalent(Summary(await new ClaimsReport(new Factory(_database), TimeProvider.System).BuildAsync()), Summary(after));
    }

    private static IEnumerable<long> QuantizationRunIds(ClaimsOverview overview) =>
        overview.Claims.Single(c => c.Id == ArticleClaims.Quantization.Id).Evidence.SelectMany(e => e.Runs).Select(r => r.Id);

    private static IEnumerable<long> AllRunIds(ClaimsOverview overview) =>
        overview.Claims.SelectMany(c => c.Evidence).SelectMany(e => e.Runs).Select(r => r.Id);

    /// <summary>What the page shows of each claim: verdict, measured factor and the evidence's runs and factors.</summary>
    private static List<object> Summary(ClaimsOverview overview) =>
        [.. overview.Claims.Select(c => new
        {
            c.Id,
            c.Verdict,
            c.MeasuredFactor,
            Evidence = c.Evidence.Select(e => new { e.Factor, e.CiLow, e.CiHigh, Runs = string.Join(",", e.Runs.Select(r => r.Id)) }).ToList(),
        })];

    private async Task SetStatusAsync(long runId, string status)
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE Runs SET Status = $status WHERE Id = $id";
        command.Parameters.AddWithValue("$status", status);
        command.Parameters.AddWithValue("$id", runId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private sealed class Factory(BenchmarkDatabase database) : IDbContextFactory<EfficiencyContext>
    {
        public EfficiencyContext CreateDbContext() => database.CreateContext();
    }
}
