namespace EfficiencyDashboard.Web.Reports.HardwareReport;

/// <summary>What the hardware report shows: one MLPerf Inference benchmark (Offline, closed division, datacenter systems).</summary>
/// <param name="Benchmark">resnet50, bert-99 or llama2-70b-99, as the MLPerf results name them.</param>
/// <param name="Runs">Whether this install's measured figures include INVALID runs.</param>
public sealed record HardwareReportFilters(string Benchmark, RunSelection Runs = RunSelection.ValidOnly)
{
    /// <summary>The query-string parameter that carries <see cref="Benchmark"/>.</summary>
    public const string BenchmarkParameter = "benchmark";

    /// <summary>The benchmarks the page offers: one vision, one language-understanding and one generative model.</summary>
    public static readonly IReadOnlyList<string> Benchmarks = ["resnet50", "bert-99", "llama2-70b-99"];

    public static HardwareReportFilters Default { get; } = new("resnet50");

    /// <summary>Reads the query string; an unknown benchmark falls back to resnet50 (<c>llama2-70b</c> means llama2-70b-99).</summary>
    public static HardwareReportFilters FromQuery(string? benchmark, string? invalid = null)
    {
        var wanted = benchmark?.Trim().ToLowerInvariant() switch
        {
            "llama2-70b" => "llama2-70b-99",
            "bert" => "bert-99",
            "resnet" => "resnet50",
            var other => other,
        };
        return (Benchmarks.Contains(wanted) ? new HardwareReportFilters(wanted!) : Default) with { Runs = RunSelections.Parse(invalid) };
    }

    /// <summary>Whether a measured ResNet-family model can stand beside the benchmark's results on the same axes.</summary>
    public bool ComparesWithMeasuredResNet => Benchmark == "resnet50";
}
