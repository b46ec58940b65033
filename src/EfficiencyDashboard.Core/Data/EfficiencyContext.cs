using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Hardware;
using EfficiencyDashboard.Core.ReferenceData;
using EfficiencyDashboard.Core.Reports.Aggregates;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Core.Suites;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Core.Data;

/// <summary>The dashboard's database: catalog, runs, results and latency samples.</summary>
public sealed class EfficiencyContext(DbContextOptions<EfficiencyContext> options) : DbContext(options)
{
    public DbSet<Model> Models => Set<Model>();

    public DbSet<Run> Runs => Set<Run>();

    public DbSet<RunResult> RunResults => Set<RunResult>();

    public DbSet<LatencySample> LatencySamples => Set<LatencySample>();

    public DbSet<HardwareRecord> Hardware => Set<HardwareRecord>();

    public DbSet<VariantJob> VariantJobs => Set<VariantJob>();

    public DbSet<SuiteRun> SuiteRuns => Set<SuiteRun>();

    public DbSet<CatalogBuild> CatalogBuilds => Set<CatalogBuild>();

    public DbSet<AcceleratorSpec> ReferenceAccelerators => Set<AcceleratorSpec>();

    public DbSet<MlperfResult> ReferenceMlperfResults => Set<MlperfResult>();

    public DbSet<MlperfPowerResult> ReferenceMlperfPower => Set<MlperfPowerResult>();

    public DbSet<ReferenceDataVersion> ReferenceDataVersions => Set<ReferenceDataVersion>();

    public DbSet<PublishedArchitecture> ReferenceArchitectures => Set<PublishedArchitecture>();

    /// <summary>Per-setting sums of the stored results, kept by <see cref="Reports.Aggregates.SettingAggregates"/>.</summary>
    public DbSet<SettingAggregate> SettingAggregates => Set<SettingAggregate>();

    public DbSet<DailyBest> DailyBests => Set<DailyBest>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EfficiencyContext).Assembly);
}
