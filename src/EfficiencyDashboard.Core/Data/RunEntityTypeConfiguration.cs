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
        // Rows stored before runs had phases and attempts read as queued, first attempt.
        builder.Property(r => r.Phase).HasConversion<string>().HasDefaultValue(RunPhase.Queued);
        builder.Property(r => r.Attempt).HasDefaultValue(1);
        builder.Property(r => r.InputShapes).AsJson();
        builder.HasIndex(r => r.Status);
        // The web polls rows changed since it last looked; sweepers look for running runs whose lease lapsed.
        builder.HasIndex(r => r.UpdatedAtUtc);
        builder.HasIndex(r => new { r.Status, r.LeaseExpiresAtUtc });
        builder.HasIndex(r => r.LeaseOwner);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        // "My runs" and the per-user cap on queued runs.
        builder.HasIndex(r => new { r.CreatedBy, r.Status });
        builder.HasIndex(r => r.CreatedAtUtc);
        // The provider too, so the explorer counts a family-and-provider filter from the index alone (1M runs: 750 ms before).
        builder.HasIndex(r => new { r.ModelId, r.Status, r.ExecutionProvider });
        // The reports group succeeded runs by model and setting (machine, provider, batch size, scenario, input shapes). By
        // model first, then run id: counts per group and the latest runs of a group are index ranges.
        builder.HasIndex(r => new { r.Status, r.ModelId, r.HardwareId, r.ExecutionProvider, r.BatchSize, r.Scenario, r.InputShapes });
        // Narrower, for the architectures page's scan of every succeeded run's model and batch size.
        builder.HasIndex(r => new { r.Status, r.ModelId, r.HardwareId, r.ExecutionProvider, r.BatchSize, r.Scenario });
        // By machine first, covering the decomposition's aggregate (first run time included).
        builder.HasIndex(r => new { r.Status, r.HardwareId, r.ExecutionProvider, r.ModelId, r.BatchSize, r.Scenario, r.CreatedAtUtc });
        builder.HasOne<EfficiencyDashboard.Core.Suites.SuiteRun>().WithMany().HasForeignKey(r => r.SuiteRunId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<HardwareRecord>().WithMany().HasForeignKey(r => r.HardwareId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Model).WithMany().HasForeignKey(r => r.ModelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Result).WithOne().HasForeignKey<RunResult>(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<LatencySample>().WithOne().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
