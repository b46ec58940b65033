using EfficiencyDashboard.Core.Hardware;
using EfficiencyDashboard.Core.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EfficiencyDashboard.Core.Data;

internal sealed class RunEntityTypeConfiguration : IEntityTypeConfiguration<Run>
{
    public void Configure(EntityTypeBuilder<Run> builder)
    {
        builder.ToTable("Runs");
        builder.Property(r => r.ExecutionProvider).HasConversion<string>();
        builder.Property(r => r.Scenario).HasConversion<string>();
        builder.Property(r => r.Status).HasConversion<string>();
        builder.Property(r => r.InputShapes).AsJson();
        builder.HasIndex(r => r.Status);
        builder.HasIndex(r => r.CreatedAtUtc);
        builder.HasIndex(r => new { r.ModelId, r.Status });
        builder.HasOne<EfficiencyDashboard.Core.Suites.SuiteRun>().WithMany().HasForeignKey(r => r.SuiteRunId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<HardwareRecord>().WithMany().HasForeignKey(r => r.HardwareId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Model).WithMany().HasForeignKey(r => r.ModelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Result).WithOne().HasForeignKey<RunResult>(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<LatencySample>().WithOne().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
