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
        builder.Ignore(m => m.FixedBatchSize);
    }
}
