using EfficiencyDashboard.Core.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EfficiencyDashboard.Core.Data;

internal sealed class MlperfResultEntityTypeConfiguration : IEntityTypeConfiguration<MlperfResult>
{
    public void Configure(EntityTypeBuilder<MlperfResult> builder)
    {
        builder.ToTable("ReferenceMlperfResults");
        builder.Property<int>("Id");
        builder.HasKey("Id");
        builder.Ignore(r => r.AcceleratorCount);
        builder.Ignore(r => r.ResultPerAccelerator);
        builder.HasIndex(r => new { r.Benchmark, r.Scenario, r.Published });
    }
}
