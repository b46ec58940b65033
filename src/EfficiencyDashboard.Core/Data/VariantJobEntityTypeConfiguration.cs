using EfficiencyDashboard.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EfficiencyDashboard.Core.Data;

internal sealed class VariantJobEntityTypeConfiguration : IEntityTypeConfiguration<VariantJob>
{
    public void Configure(EntityTypeBuilder<VariantJob> builder)
    {
        builder.ToTable("VariantJobs");
        builder.Property(j => j.Technique).HasConversion<string>();
        builder.Property(j => j.Status).HasConversion<string>();
        builder.Property(j => j.Parameters).AsJson();
        builder.HasIndex(j => j.UpdatedAtUtc);
        builder.HasIndex(j => new { j.Status, j.LeaseExpiresAtUtc });
        builder.Property(j => j.CreatedBy).HasMaxLength(256);
        builder.HasOne<Model>().WithMany().HasForeignKey(j => j.ParentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Model>().WithMany().HasForeignKey(j => j.VariantId).OnDelete(DeleteBehavior.SetNull);
    }
}
