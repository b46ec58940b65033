using EfficiencyDashboard.Core.ReferenceData;

namespace EfficiencyDashboard.Core.Reports;

/// <summary>
/// Which MLPerf Inference results a trend compares. The defaults keep results that are comparable across rounds:
/// closed division (fixed model and accuracy target) and data-centre systems (edge systems have other power budgets).
/// </summary>
/// <param name="Benchmark">resnet50, bert-99, llama2-70b-99, ... (<c>resnet</c>, as a few submitters wrote it, counts as resnet50).</param>
/// <param name="Scenario">Offline or Server. Power results exist for Offline only.</param>
/// <param name="Division">closed or open; null for both.</param>
/// <param name="SystemType">datacenter or edge (a system listed as both counts for each); null for any.</param>
public sealed record MlperfSelection(string Benchmark, string Scenario = "Offline", string? Division = "closed", string? SystemType = "datacenter")
{
    /// <summary>Whether a performance result is in the selection.</summary>
    public bool Includes(MlperfResult result) =>
        IsBenchmark(result.Benchmark)
        && string.Equals(result.Scenario, Scenario, StringComparison.OrdinalIgnoreCase)
        && (Division is null || string.Equals(result.Division, Division, StringComparison.OrdinalIgnoreCase))
        && IsSystemType(result.SystemType);

    /// <summary>Whether a power result is in the selection (power results are Offline; they have no division column).</summary>
    public bool Includes(MlperfPowerResult result) =>
        IsBenchmark(result.Benchmark)
        && string.Equals(Scenario, "Offline", StringComparison.OrdinalIgnoreCase)
        && IsSystemType(result.SystemType);

    /// <summary>The selection in words, for a page or a claim's evidence.</summary>
    public string Describe() =>
        $"MLPerf Inference {Benchmark} {Scenario}, {Division ?? "any"} division, {SystemType ?? "any"} systems";

    private bool IsBenchmark(string benchmark) =>
        string.Equals(Canonical(benchmark), Canonical(Benchmark), StringComparison.OrdinalIgnoreCase);

    private bool IsSystemType(string systemType) =>
        SystemType is null || systemType.Split(',').Any(t => string.Equals(t.Trim(), SystemType, StringComparison.OrdinalIgnoreCase));

    private static string Canonical(string benchmark) =>
        string.Equals(benchmark.Trim(), "resnet", StringComparison.OrdinalIgnoreCase) ? "resnet50" : benchmark.Trim();
}
