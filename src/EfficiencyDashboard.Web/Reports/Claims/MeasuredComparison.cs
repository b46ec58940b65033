using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Web.Reports.AlgorithmReport;

namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>A target model's throughput against a baseline's in one setting, with the runs behind it: one piece of measured evidence.</summary>
/// <param name="Baseline">The baseline model's name (parent, teacher, ResNet-50).</param>
/// <param name="Target">The target model's name (variant, student, MobileNet).</param>
/// <param name="Hardware">The machine's name.</param>
/// <param name="SpeedUp">Target throughput / baseline throughput, with its interval and method.</param>
/// <param name="BaselineRunIds">The baseline runs behind the figure, newest first.</param>
/// <param name="TargetRunIds">The target runs behind the figure, newest first.</param>
/// <param name="InvalidRunIds">Those of the runs that failed a validity check.</param>
public sealed record MeasuredComparison(
    string Baseline,
    string Target,
    MeasuredSetting Setting,
    string Hardware,
    GainEstimate SpeedUp,
    IReadOnlyList<long> BaselineRunIds,
    IReadOnlyList<long> TargetRunIds,
    IReadOnlyList<long> InvalidRunIds)
{
    /// <summary>A comparison of the algorithms page.</summary>
    public static MeasuredComparison From(AlgorithmComparison c) =>
        new(c.Baseline.Name, c.Variant.Name, c.Setting, c.Hardware, c.SpeedUp, c.BaselineRunIds, c.VariantRunIds, c.InvalidRunIds);

    /// <summary>The comparison in words: target against baseline, and the setting they share.</summary>
    public string Describe() => $"{Target} against {Baseline} ({Setting.Describe()}, {Hardware})";
}
