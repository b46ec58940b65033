using EfficiencyDashboard.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EfficiencyDashboard.Core.Data;

internal sealed class ModelEntityTypeConfiguration : IEntityTypeConfiguration<Model>
{
    public void Configure(EntityTypeBuilder<Model> builder)
    {
        builder.ToTable("Models");
        builder.HasIndex(m => m.Key).IsUnique();
        builder.Property(m => m.Family).HasConversion<string>();
        builder.Property(m => m.Source).HasConversion<string>();
        builder.Property(m => m.Inputs).AsJson();
        builder.Property(m => m.Outputs).AsJson();
        builder.Property(m => m.OperatorCounts).AsJson();
        builder.Property(m => m.OperatorMacs).AsJson();
        builder.Property(m => m.DefaultInputShapes).AsJson();
        builder.Property(m => m.TechniqueParameters).AsJson();
        builder.Property(m => m.Technique).HasConversion<string>();
        builder.OwnsOne(m => m.Fidelity, fidelity => fidelity.ToJson());
        builder.HasOne<Model>().WithMany().HasForeignKey(m => m.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Model>().WithMany().HasForeignKey(m => m.TeacherId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.Family);
        builder.Property(m => m.AddedBy).HasMaxLength(256);
        builder.Ignore(m => m.FixedBatchSize);
    }
}
