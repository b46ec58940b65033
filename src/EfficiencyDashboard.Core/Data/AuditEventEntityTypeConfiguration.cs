using EfficiencyDashboard.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EfficiencyDashboard.Core.Data;

internal sealed class AuditEventEntityTypeConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.Token).HasMaxLength(140);
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.Property(e => e.SubjectType).HasMaxLength(20);
        builder.Property(e => e.SubjectId).HasMaxLength(256);
        builder.Property(e => e.Detail).HasMaxLength(1000);
        // Run and model pages show the events about them.
        builder.HasIndex(e => new { e.SubjectType, e.SubjectId });
        builder.HasIndex(e => e.AtUtc);
    }
}
