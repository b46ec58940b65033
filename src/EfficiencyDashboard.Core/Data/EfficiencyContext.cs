using EfficiencyDashboard.Core.Audit;
using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Hardware;
using EfficiencyDashboard.Core.ReferenceData;
using EfficiencyDashboard.Core.Reports.Aggregates;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Core.Suites;
using EfficiencyDashboard.Core.Users;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Core.Data;

/// <summary>The dashboard's database: catalog, runs, results and latency samples; users, their roles and API tokens; the audit log.</summary>
/// <remarks>Identity lives in this context rather than a second one, so the schema has one migration history.</remarks>
public sealed class EfficiencyContext(DbContextOptions<EfficiencyContext> options) : IdentityDbContext<DashboardUser>(options)
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

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EfficiencyContext).Assembly);
    }
}
