using EfficiencyDashboard.Core.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EfficiencyDashboard.Core.Data;

internal sealed class RunResultEntityTypeConfiguration : IEntityTypeConfiguration<RunResult>
{
    public void Configure(EntityTypeBuilder<RunResult> builder)
    {
        builder.ToTable("RunResults");
        builder.HasKey(r => r.RunId);
        builder.Property(r => r.ActualExecutionProvider).HasConversion<string>();
        builder.Property(r => r.EnergySource).HasConversion<string>();
        builder.Property(r => r.EnergyScope).HasConversion<string>();
        builder.Property(r => r.HostContention).AsJson();
        builder.Property(r => r.ValidityReasons).AsJson();
        builder.Property(r => r.Gpu).AsJson();
        builder.Property(r => r.NodePlacement).AsJson();
        builder.Property(r => r.Server).AsJson();
        builder.HasIndex(r => r.MeasuredAtUtc);
        // Covering index of the figures the reports aggregate, so joins from Runs do not read the wide result rows.
        builder.HasIndex(r => new { r.RunId, r.ActualExecutionProvider, r.ThroughputPerSecond, r.EnergyPerInferenceJ, r.IsValid, r.MeasuredAtUtc });
        // The run explorer's orders by a figure walk these, so a page costs its offset rather than a sort of every result.
        builder.HasIndex(r => new { r.ThroughputPerSecond, r.RunId });
        builder.HasIndex(r => new { r.LatencyP50Ms, r.RunId });
    }
}
