using EfficiencyDashboard.Core.Hardware;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EfficiencyDashboard.Core.Data;

internal sealed class HardwareRecordEntityTypeConfiguration : IEntityTypeConfiguration<HardwareRecord>
{
    public void Configure(EntityTypeBuilder<HardwareRecord> builder)
    {
        builder.ToTable("Hardware");
        builder.HasIndex(h => h.Fingerprint).IsUnique();
        builder.Property(h => h.ExecutionProviders).AsJson();
    }
}
