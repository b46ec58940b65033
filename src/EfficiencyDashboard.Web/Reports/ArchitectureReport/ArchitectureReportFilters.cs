using System.Globalization;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Reports.ArchitectureReport;

/// <summary>
/// Which measured runs the architecture report compares: one machine, one execution provider (as run), one batch size and
/// one scenario, so that every point shares its setting. Without a machine, the one where most models were measured.
/// </summary>
public sealed record ArchitectureReportFilters(
    int BatchSize, ExecutionProvider Provider, Scenario Scenario = Scenario.SingleStream, int? HardwareId = null, RunSelection Runs = RunSelection.ValidOnly)
{
    public const string BatchParameter = "batch";

    public const string ProviderParameter = "provider";

    public const string ScenarioParameter = "scenario";

    public const string HardwareParameter = "hardware";

    public static ArchitectureReportFilters Default { get; } = new(1, ExecutionProvider.Cpu);

    /// <summary>Reads the query string; a missing or unreadable value takes the default (batch 1, CPU, single-stream).</summary>
    public static ArchitectureReportFilters FromQuery(int? batch, string? provider, string? scenario = null, int? hardware = null, string? invalid = null) => new(
        batch is > 0 ? batch.Value : Default.BatchSize,
        Enum.GetValues<ExecutionProvider>().Cast<ExecutionProvider?>()
            .FirstOrDefault(p => string.Equals(p!.Value.ApiName(), provider?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? Default.Provider,
        ScenarioExtensions.Parse(scenario) is { } parsed && parsed != Scenario.Server ? parsed : Scenario.SingleStream,
        hardware is > 0 ? hardware : null,
        RunSelections.Parse(invalid));

    /// <summary>The filters as a query string with the leading '?'.</summary>
    public string ToQuery() =>
        $"?{BatchParameter}={BatchSize.ToString(CultureInfo.InvariantCulture)}&{ProviderParameter}={Provider.ApiName()}&{ScenarioParameter}={Scenario.ApiName()}" +
        (HardwareId is { } h ? $"&{HardwareParameter}={h.ToString(CultureInfo.InvariantCulture)}" : "") +
        (Runs.QueryValue() is { } v ? $"&{RunSelections.Parameter}={v}" : "");
}
