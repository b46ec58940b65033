using System.Globalization;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Reports.Measured;

namespace EfficiencyDashboard.Web.Reports.AlgorithmReport;

/// <summary>
/// The filters of the algorithms page, as its address carries them:
/// <c>?batch=1&amp;provider=cpu&amp;hardware=2&amp;scenario=single-stream&amp;invalid=include</c>.
/// </summary>
public sealed record AlgorithmFilters(
    int? BatchSize = null, ExecutionProvider? Provider = null, int? HardwareId = null, Scenario? Scenario = null, RunSelection Runs = RunSelection.ValidOnly)
{
    /// <summary>Reads the query-string values; an unreadable value means no filter.</summary>
    public static AlgorithmFilters Parse(int? batch, string? provider, int? hardware, string? scenario, string? invalid = null) => new(
        batch is > 0 ? batch : null,
        Enum.GetValues<ExecutionProvider>().Cast<ExecutionProvider?>().FirstOrDefault(p => p!.Value.ApiName() == provider?.Trim().ToLowerInvariant()),
        hardware,
        string.IsNullOrWhiteSpace(scenario) ? null : ScenarioExtensions.Parse(scenario),
        RunSelections.Parse(invalid));

    public bool Includes(MeasuredSetting setting) =>
        (BatchSize is null || setting.BatchSize == BatchSize)
        && (Provider is null || setting.Provider == Provider)
        && (HardwareId is null || setting.HardwareId == HardwareId)
        && (Scenario is null || setting.Scenario == Scenario);

    /// <summary>The filters as a query string (with the leading '?'), or empty without filters.</summary>
    public string ToQuery()
    {
        string?[] parts =
        [
            BatchSize is { } batch ? "batch=" + batch.ToString(CultureInfo.InvariantCulture) : null,
            Provider is { } provider ? "provider=" + provider.ApiName() : null,
            HardwareId is { } hardware ? "hardware=" + hardware.ToString(CultureInfo.InvariantCulture) : null,
            Scenario is { } scenario ? "scenario=" + scenario.ApiName() : null,
            Runs.QueryValue() is { } invalid ? $"{RunSelections.Parameter}={invalid}" : null,
        ];
        var given = parts.OfType<string>().ToList();
        return given.Count == 0 ? "" : "?" + string.Join('&', given);
    }
}
