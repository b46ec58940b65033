namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>How int8-static calibration turns observed activations into a quantization range.</summary>
public enum CalibrationMethod
{
    /// <summary>The smallest and largest value seen on the calibration set.</summary>
    MinMax,

    /// <summary>The range that keeps the given percentile of values, clipping rare outliers (for example 99.99%).</summary>
    Percentile,
}
