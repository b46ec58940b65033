using EfficiencyDashboard.Core.Reports.Aggregates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EfficiencyDashboard.Core.Data;

internal sealed class SettingAggregateEntityTypeConfiguration : IEntityTypeConfiguration<SettingAggregate>
{
    public void Configure(EntityTypeBuilder<SettingAggregate> builder)
    {
        builder.ToTable("SettingAggregates");
        builder.Property(a => a.Provider).HasConversion<string>();
        builder.Property(a => a.Scenario).HasConversion<string>();
        builder.Property(a => a.EnergySource).HasConversion<string>();
        // The upsert's conflict target: one row per setting and validity.
        builder.HasIndex(a => new { a.ModelId, a.HardwareId, a.Provider, a.BatchSize, a.Scenario, a.InputShapes, a.IsValid }).IsUnique();
        builder.Ignore(a => a.Throughput);
        builder.Ignore(a => a.SamplesPerJoule);
        builder.Ignore(a => a.Key);
    }
}
