using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.ReferenceData;
using EfficiencyDashboard.Web.Benchmarks;
using EfficiencyDashboard.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Tests.Reports;

/// <summary>A migrated, empty SQLite database of the test's own, with the shipped reference data loaded: no app host, no runner.</summary>
public sealed class HandMadeDatabase : IAsyncLifetime, IDbContextFactory<EfficiencyContext>
{
    private BenchmarkDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await BenchmarkDatabase.CreateAsync();
        await using var db = CreateDbContext();
        await ReferenceDataImport.EnsureAsync(db, Path.Combine(RepositoryLayout.FindContentRoot(), "data", "reference"), DateTime.UtcNow, CancellationToken.None);
    }

    public EfficiencyContext CreateDbContext() => _database.CreateContext();

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
