using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Reports.Explorer;

/// <summary>A row of the comparison table: a measured metric with its unit, or a fact about the run.</summary>
public sealed record ComparisonMetric(string Key, string Label, MetricDirection Direction, Func<ComparedRun, double?>? Value, Func<ComparedRun, string> Text)
{
    public static IReadOnlyList<ComparisonMetric> All { get; } =
    [
        Latency("latencyP50Ms", "p50 latency (ms)", r => r.Result.LatencyP50Ms),
        Latency("latencyP90Ms", "p90 latency (ms)", r => r.Result.LatencyP90Ms),
        Latency("latencyP99Ms", "p99 latency (ms)", r => r.Result.LatencyP99Ms),
        Latency("latencyP999Ms", "p99.9 latency (ms)", r => r.Result.LatencyP999Ms),
        Latency("latencyMeanMs", "mean latency (ms)", r => r.Result.LatencyMeanMs),
        new("latencyCv", "latency CV (stdev / mean)", MetricDirection.None, r => r.Result.LatencyCv, r => r.Result.LatencyCv.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)),
        Higher("throughputPerSecond", "throughput (samples/s)", r => r.Result.ThroughputPerSecond),
        Higher("samplesPerJoule", "efficiency (samples/J)", r => r.SamplesPerJoule),
        Fact("energySource", "energy source", r => r.Result.EnergySource == EnergySource.None ? $"none ({r.Result.EnergyReason})" : r.Result.EnergySource.ApiName()),
        Fact("validity", "validity", r => r.Result.IsValid ? "valid" : "INVALID: " + string.Join(" ", r.Result.ValidityReasons.Select(v => v.Message))),
        Fact("actualExecutionProvider", "execution provider (actual)", r => r.Result.ActualExecutionProvider.DisplayName()
            + (r.Result.ActualExecutionProvider == r.RequestedProvider ? "" : $" (requested {r.RequestedProvider.DisplayName()})")),
        Fact("batchSize", "batch size", r => r.BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Fact("scenario", "scenario", r => r.Scenario.ApiName()),
        Fact("model", "model", r => r.ModelName + (r.Technique is { } t ? $" ({t.ApiName()})" : "")),
        Fact("hardware", "hardware", r => r.Hardware),
    ];

    /// <summary>How many times better the run is than the baseline (> 1 better, &lt; 1 worse); null for facts and missing figures.</summary>
    public double? RatioToBaseline(ComparedRun run, ComparedRun baseline)
    {
        if (Direction == MetricDirection.None || Value?.Invoke(run) is not double value || Value(baseline) is not double reference
            || value <= 0 || reference <= 0)
        {
            return null;
        }

        return Direction == MetricDirection.HigherIsBetter ? value / reference : reference / value;
    }

    private static ComparisonMetric Latency(string key, string label, Func<ComparedRun, double> value) =>
        new(key, label, MetricDirection.LowerIsBetter, r => value(r), r => Figures.Milliseconds(value(r)));

    private static ComparisonMetric Higher(string key, string label, Func<ComparedRun, double?> value) =>
        new(key, label, MetricDirection.HigherIsBetter, value, r => value(r) is { } v ? Figures.PerSecond(v) : "—");

    private static ComparisonMetric Fact(string key, string label, Func<ComparedRun, string> text) => new(key, label, MetricDirection.None, null, text);
}
