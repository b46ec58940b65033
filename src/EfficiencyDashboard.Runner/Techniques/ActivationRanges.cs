using EfficiencyDashboard.Runner.Inputs;

namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>
/// Calibration for int8-static: runs the float model on the calibration set with the tensors to quantize
/// exposed as outputs, and reduces what they hold to one (min, max) range each.
/// </summary>
internal static class ActivationRanges
{
    private const int HistogramBins = 4096;

    public static Dictionary<string, (float Min, float Max)> Calibrate(
        byte[] model, IReadOnlyList<string> tensors, CalibrationSet calibration, StaticQuantizationOptions options)
    {
        var ranges = tensors.ToDictionary(t => t, _ => (Min: float.PositiveInfinity, Max: float.NegativeInfinity), StringComparer.Ordinal);
        IntermediateValues.Collect(model, tensors, calibration.Batches, (name, value) =>
        {
            var (min, max) = ranges[name];
            foreach (var v in value.GetTensorDataAsSpan<float>())
            {
                // NaN never widens a range: Math.Min/Max would propagate it into the scale.
                if (v < min)
                {
                    min = v;
                }

                if (v > max)
                {
                    max = v;
                }
            }

            ranges[name] = (min, max);
        });

        foreach (var (name, range) in ranges)
        {
            if (!float.IsFinite(range.Min) || !float.IsFinite(range.Max))
            {
                throw new TechniqueNotApplicableException($"Calibration saw no finite values in '{name}'; the float model gives NaN or infinity on the calibration set.");
            }
        }

        return options.Method == CalibrationMethod.Percentile
            ? PercentileRanges(model, tensors, calibration, ranges, options.Percentile)
            : ranges;
    }

    /// <summary>A second pass: a histogram over each tensor's min-max range, then (100 - p) / 2 % cut from each tail.</summary>
    private static Dictionary<string, (float Min, float Max)> PercentileRanges(
        byte[] model, IReadOnlyList<string> tensors, CalibrationSet calibration, Dictionary<string, (float Min, float Max)> extremes, double percentile)
    {
        if (percentile is <= 50 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "The calibration percentile must be in (50, 100].");
        }

        var histograms = tensors.ToDictionary(t => t, _ => new long[HistogramBins], StringComparer.Ordinal);
        IntermediateValues.Collect(model, tensors, calibration.Batches, (name, value) =>
        {
            var (min, max) = extremes[name];
            var histogram = histograms[name];
            var width = (max - min) / HistogramBins;
            foreach (var v in value.GetTensorDataAsSpan<float>())
            {
                var bin = width > 0 ? (int)((v - min) / width) : 0;
                histogram[Math.Clamp(bin, 0, HistogramBins - 1)]++;
            }
        });

        var tail = (100 - percentile) / 200;
        var ranges = new Dictionary<string, (float Min, float Max)>(StringComparer.Ordinal);
        foreach (var (name, histogram) in histograms)
        {
            var (min, max) = extremes[name];
            var width = (max - min) / HistogramBins;
            var total = histogram.Sum();
            var cut = (long)Math.Floor(total * tail);
            var (low, high) = (0, HistogramBins - 1);
            for (long seen = histogram[low]; seen <= cut && low < HistogramBins - 1; seen += histogram[++low])
            {
            }

            for (long seen = histogram[high]; seen <= cut && high > 0; seen += histogram[--high])
            {
            }

            ranges[name] = (min + low * width, min + (high + 1) * width);
        }

        return ranges;
    }
}
