using EfficiencyDashboard.Core.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EfficiencyDashboard.Core.Data;

internal sealed class MlperfPowerResultEntityTypeConfiguration : IEntityTypeConfiguration<MlperfPowerResult>
{
    public void Configure(EntityTypeBuilder<MlperfPowerResult> builder)
    {
        builder.ToTable("ReferenceMlperfPower");
        builder.Property<int>("Id");
        builder.HasKey("Id");
        builder.Ignore(r => r.OfflineThroughputPerAccelerator);
    }
}
