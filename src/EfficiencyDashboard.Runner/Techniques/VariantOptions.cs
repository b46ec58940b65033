using EfficiencyDashboard.Runner.Inputs;

namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>Parameters of a variant request; each technique reads the ones it needs.</summary>
/// <param name="Ratio">Pruning fraction for pruned-structured and pruned-unstructured.</param>
/// <param name="Calibration">Calibration batches for int8-static (required there).</param>
/// <param name="StaticQuantization">Calibration method and weight range for int8-static.</param>
/// <param name="ReduceRange">7-bit weights for int8-dynamic (x86 CPUs without VNNI).</param>
public sealed record VariantOptions(
    double Ratio = 0.3, CalibrationSet? Calibration = null, StaticQuantizationOptions? StaticQuantization = null, bool ReduceRange = false);
