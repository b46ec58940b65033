namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>Settings of the int8-static technique.</summary>
/// <param name="Method">How activation ranges are calibrated.</param>
/// <param name="Percentile">For <see cref="CalibrationMethod.Percentile"/>: the share of values (in %) the range keeps, split evenly between both tails.</param>
/// <param name="ReduceRange">7-bit weights, as ONNX Runtime advises for x86 CPUs without VNNI.</param>
public sealed record StaticQuantizationOptions(
    CalibrationMethod Method = CalibrationMethod.MinMax, double Percentile = 99.99, bool ReduceRange = false);
