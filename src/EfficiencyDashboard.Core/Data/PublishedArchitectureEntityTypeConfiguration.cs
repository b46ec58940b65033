using EfficiencyDashboard.Core.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EfficiencyDashboard.Core.Data;

internal sealed class PublishedArchitectureEntityTypeConfiguration : IEntityTypeConfiguration<PublishedArchitecture>
{
    public void Configure(EntityTypeBuilder<PublishedArchitecture> builder)
    {
        builder.ToTable("ReferenceArchitectures");
        builder.Property<int>("Id");
        builder.HasKey("Id");
        builder.HasIndex(a => a.ModelKey);
    }
}
