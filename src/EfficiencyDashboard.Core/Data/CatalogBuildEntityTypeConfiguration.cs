using EfficiencyDashboard.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EfficiencyDashboard.Core.Data;

internal sealed class CatalogBuildEntityTypeConfiguration : IEntityTypeConfiguration<CatalogBuild>
{
    public void Configure(EntityTypeBuilder<CatalogBuild> builder)
    {
        builder.ToTable("CatalogBuilds");
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Problems).AsJson();
    }
}
