using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Reports.AlgorithmReport;
using EfficiencyDashboard.Web.Reports.Measured;

namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>A target model's throughput against a baseline's in one setting: one piece of measured evidence for a claim.</summary>
/// <param name="Baseline">The parent, teacher, or older architecture.</param>
/// <param name="Target">The variant, student, or newer architecture.</param>
/// <param name="Hardware">The machine's name.</param>
/// <param name="SpeedUp">Target throughput / baseline throughput (geometric means), with its interval and method.</param>
/// <param name="Counted">False for a comparison shown for completeness but left out of the verdict (not like with like).</param>
/// <param name="Note">Why it is left out, or another caveat; null when there is none.</param>
public sealed record MeasuredComparison(
    CatalogModel Baseline,
    CatalogModel Target,
    MeasuredSetting Setting,
    string Hardware,
    GainEstimate SpeedUp,
    ComparedSide BaselineRuns,
    ComparedSide TargetRuns,
    bool Counted = true,
    string? Note = null)
{
    /// <summary>A comparison of the algorithms page.</summary>
    public static MeasuredComparison From(AlgorithmComparison c) =>
        new(c.Baseline, c.Variant, c.Setting, c.Hardware, c.SpeedUp, c.BaselineRuns, c.VariantRuns);

    /// <summary>The comparison in words: target against baseline, and the setting they share.</summary>
    public string Describe() => $"{Target.Name} against {Baseline.Name} ({Setting.Describe()}, {Hardware})";

    /// <summary>Whether the setting ran on a GPU provider (CUDA, TensorRT) rather than the CPU.</summary>
    public bool OnGpu => Setting.Provider != Core.Runs.ExecutionProvider.Cpu;

    /// <summary>The group of settings it belongs to: hardware, provider, precision, architecture family and batch size.</summary>
    public (int HardwareId, Core.Runs.ExecutionProvider Provider, string Precision, Core.Catalog.ModelFamily Family, int BatchSize) GroupKey =>
        (Setting.HardwareId, Setting.Provider, Target.Precision, Target.Family, Setting.BatchSize);

    /// <summary>The group in words: "int8 Transformer on CPU (EPYC (host)), batch 1".</summary>
    public string GroupLabel => $"{Target.Precision} {Target.Family} on {Setting.Provider.DisplayName()} ({Hardware}), batch {Setting.BatchSize}";

    /// <summary>The model and setting it is a unit of, counted once in the estimates.</summary>
    public (int ModelId, MeasuredSetting Setting) Unit => (Target.Id, Setting);
}
