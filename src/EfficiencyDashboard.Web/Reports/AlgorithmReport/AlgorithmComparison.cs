using EfficiencyDashboard.Core.Reports;

namespace EfficiencyDashboard.Web.Reports.AlgorithmReport;

/// <summary>
/// A variant (or distilled student) against its parent (or teacher), measured on the same machine, execution provider,
/// batch size and scenario. Every figure is measured except <see cref="ComparedModel.ReferenceQuality"/>.
/// </summary>
/// <param name="SpeedUp">Throughput of the variant / throughput of the baseline, with its 95% interval and method.</param>
/// <param name="EnergyGain">Samples per joule of the variant / of the baseline; null when either side measured no energy.</param>
/// <param name="EnergyNotMeasured">Why there is no energy gain, from the run that measured none; null when there is one.</param>
/// <param name="BaselineRunIds">The baseline runs behind the figures, newest first.</param>
/// <param name="VariantRunIds">The variant runs behind the figures, newest first.</param>
/// <param name="InvalidRunIds">Those of the runs that failed a validity check (too short, too few queries, fallback).</param>
public sealed record AlgorithmComparison(
    ComparedModel Baseline,
    ComparedModel Variant,
    bool IsDistillation,
    MeasuredSetting Setting,
    string Hardware,
    GainEstimate SpeedUp,
    GainEstimate? EnergyGain,
    string? EnergyNotMeasured,
    IReadOnlyList<long> BaselineRunIds,
    IReadOnlyList<long> VariantRunIds,
    IReadOnlyList<long> InvalidRunIds)
{
    /// <summary>How many of the runs are INVALID.</summary>
    public int InvalidRuns => InvalidRunIds.Count;

    /// <summary>Fraction of the baseline's parameters the variant does without (0.3 = 30% fewer); negative when it has more.</summary>
    public double? ParameterReduction => Reduction(Baseline.ParameterCount, Variant.ParameterCount);

    /// <summary>Fraction of the baseline's multiply-accumulates per sample the variant does without.</summary>
    public double? MacReduction => Reduction(Baseline.MacsPerSample, Variant.MacsPerSample);

    private static double? Reduction(long baseline, long variant) => baseline > 0 ? 1 - (double)variant / baseline : null;
}
