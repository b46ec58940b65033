using EfficiencyDashboard.Core.Reports.Aggregates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EfficiencyDashboard.Core.Data;

internal sealed class DailyBestEntityTypeConfiguration : IEntityTypeConfiguration<DailyBest>
{
    public void Configure(EntityTypeBuilder<DailyBest> builder)
    {
        builder.ToTable("DailyBests");
        builder.Property(d => d.EnergySource).HasConversion<string>();
        builder.HasIndex(d => new { d.ModelId, d.Day, d.IsValid, d.EnergySource }).IsUnique();
    }
}
