using EfficiencyDashboard.Core.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EfficiencyDashboard.Core.Data;

internal sealed class LatencySampleEntityTypeConfiguration : IEntityTypeConfiguration<LatencySample>
{
    public void Configure(EntityTypeBuilder<LatencySample> builder)
    {
        builder.ToTable("LatencySamples");
        builder.HasKey(s => new { s.RunId, s.Sequence });
    }
}
