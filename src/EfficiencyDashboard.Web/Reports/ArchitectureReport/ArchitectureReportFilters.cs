using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Reports.ArchitectureReport;

/// <summary>Which measured runs the architecture report compares: one batch size on one execution provider (as run).</summary>
public sealed record ArchitectureReportFilters(int BatchSize, ExecutionProvider Provider)
{
    public const string BatchParameter = "batch";

    public const string ProviderParameter = "provider";

    public static ArchitectureReportFilters Default { get; } = new(1, ExecutionProvider.Cpu);

    /// <summary>Reads the query string; a missing or unreadable value takes the default (batch 1, CPU).</summary>
    public static ArchitectureReportFilters FromQuery(int? batch, string? provider) => new(
        batch is > 0 ? batch.Value : Default.BatchSize,
        Enum.GetValues<ExecutionProvider>().Cast<ExecutionProvider?>()
            .FirstOrDefault(p => string.Equals(p!.Value.ApiName(), provider?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? Default.Provider);
}
