using System.Globalization;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Reports.DecompositionReport;

/// <summary>
/// What the decomposition page asks for, as its address carries it:
/// <c>?baseline=1:cpu:none:3&amp;target=1:cpu:int8-static:2&amp;batch=1&amp;scenario=single-stream&amp;metric=samples-per-joule&amp;invalid=include</c>.
/// Anything not given takes its default (see <see cref="DecompositionReportData"/>).
/// </summary>
public sealed record DecompositionRequest(
    DecompositionConfiguration? Baseline = null,
    DecompositionConfiguration? Target = null,
    int? BatchSize = null,
    Scenario? Scenario = null,
    DecompositionMetric Metric = DecompositionMetric.SamplesPerSecond,
    RunSelection Runs = RunSelection.ValidOnly)
{
    public static DecompositionRequest Parse(string? baseline, string? target, int? batch, string? scenario, string? metric, string? invalid = null) => new(
        DecompositionConfiguration.Parse(baseline),
        DecompositionConfiguration.Parse(target),
        batch is > 0 ? batch : null,
        string.IsNullOrWhiteSpace(scenario) || ScenarioExtensions.Parse(scenario) == Core.Runs.Scenario.Server ? null : ScenarioExtensions.Parse(scenario),
        metric == "samples-per-joule" ? DecompositionMetric.SamplesPerJoule : DecompositionMetric.SamplesPerSecond,
        RunSelections.Parse(invalid));

    public string ToQuery()
    {
        string?[] parts =
        [
            Baseline is { } b ? "baseline=" + b : null,
            Target is { } t ? "target=" + t : null,
            BatchSize is { } batch ? "batch=" + batch.ToString(CultureInfo.InvariantCulture) : null,
            Scenario is { } scenario ? "scenario=" + scenario.ApiName() : null,
            Metric == DecompositionMetric.SamplesPerJoule ? "metric=samples-per-joule" : null,
            Runs.QueryValue() is { } invalid ? $"{RunSelections.Parameter}={invalid}" : null,
        ];
        var given = parts.OfType<string>().ToList();
        return given.Count == 0 ? "" : "?" + string.Join('&', given);
    }
}
