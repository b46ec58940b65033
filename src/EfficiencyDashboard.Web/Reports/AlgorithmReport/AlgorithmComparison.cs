using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Web.Reports.Measured;

namespace EfficiencyDashboard.Web.Reports.AlgorithmReport;

/// <summary>
/// A variant (or distilled student) against its parent (or teacher), measured on the same machine, execution provider as
/// run, batch size, scenario and input shapes. Every figure is measured except the student's published quality retention.
/// </summary>
/// <param name="SpeedUp">Throughput of the variant / throughput of the baseline (geometric means), with its 95% interval and method.</param>
/// <param name="EnergyGain">Samples per joule of the variant / of the baseline; null when either side measured no energy.</param>
/// <param name="EnergyNotMeasured">Why there is no energy gain, from the run that measured none; null when there is one.</param>
/// <param name="EnergyScope">What the energy figures cover (GPU board, CPU package); null without energy.</param>
public sealed record AlgorithmComparison(
    CatalogModel Baseline,
    CatalogModel Variant,
    bool IsDistillation,
    MeasuredSetting Setting,
    string Hardware,
    GainEstimate SpeedUp,
    GainEstimate? EnergyGain,
    string? EnergyNotMeasured,
    string? EnergyScope,
    ComparedSide BaselineRuns,
    ComparedSide VariantRuns)
{
    /// <summary>How many of the runs behind it are INVALID (0 unless the report includes them).</summary>
    public int InvalidRuns => BaselineRuns.InvalidRuns + VariantRuns.InvalidRuns;

    /// <summary>Fraction of the baseline's parameters the variant does without (0.3 = 30% fewer); negative when it has more.</summary>
    public double? ParameterReduction => Reduction(Baseline.ParameterCount, Variant.ParameterCount);

    /// <summary>Fraction of the baseline's multiply-accumulates per sample the variant does without.</summary>
    public double? MacReduction => Reduction(Baseline.MacsPerSample, Variant.MacsPerSample);

    private static double? Reduction(long baseline, long variant) => baseline > 0 ? 1 - (double)variant / baseline : null;
}
