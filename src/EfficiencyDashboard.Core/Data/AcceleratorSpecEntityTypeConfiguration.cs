using EfficiencyDashboard.Core.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EfficiencyDashboard.Core.Data;

/// <summary>Reference rows keep every source column; a shadow key identifies them in the database only.</summary>
internal sealed class AcceleratorSpecEntityTypeConfiguration : IEntityTypeConfiguration<AcceleratorSpec>
{
    public void Configure(EntityTypeBuilder<AcceleratorSpec> builder)
    {
        builder.ToTable("ReferenceAccelerators");
        builder.Property<int>("Id");
        builder.HasKey("Id");
        builder.Property(a => a.Check).HasConversion<string>();
        builder.Ignore(a => a.Announced);
    }
}
