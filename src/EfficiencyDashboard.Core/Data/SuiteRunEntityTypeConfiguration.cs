using EfficiencyDashboard.Core.Suites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EfficiencyDashboard.Core.Data;

internal sealed class SuiteRunEntityTypeConfiguration : IEntityTypeConfiguration<SuiteRun>
{
    public void Configure(EntityTypeBuilder<SuiteRun> builder)
    {
        builder.ToTable("SuiteRuns");
        builder.Property(s => s.Status).HasConversion<string>();
        builder.Property(s => s.Skipped).AsJson();
        builder.HasIndex(s => s.Name);
        builder.HasIndex(s => new { s.Status, s.LeaseExpiresAtUtc });
        builder.Property(s => s.CreatedBy).HasMaxLength(256);
    }
}
