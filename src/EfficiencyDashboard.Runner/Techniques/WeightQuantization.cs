namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>Symmetric int8 quantization of weight matrices, one scale per output channel.</summary>
internal static class WeightQuantization
{
    /// <summary>
    /// Quantizes <paramref name="weights"/> viewed as [<paramref name="channels"/>, rest] (channel-major, as Conv
    /// weights are stored) to int8 in [-limit, limit] with scale = max |w| / limit per channel.
    /// </summary>
    public static (sbyte[] Values, float[] Scales) PerChannelRowMajor(float[] weights, int channels, bool reduceRange = false)
    {
        var limit = reduceRange ? 63 : 127;
        var per = weights.Length / channels;
        var values = new sbyte[weights.Length];
        var scales = new float[channels];
        for (var c = 0; c < channels; c++)
        {
            var row = weights.AsSpan(c * per, per);
            scales[c] = ScaleOf(MaxAbs(row), limit);
            for (var i = 0; i < per; i++)
            {
                values[c * per + i] = Quantize(row[i], scales[c], limit);
            }
        }

        return (values, scales);
    }

    /// <summary>Quantizes a [rows, columns] matrix with one scale per column (the output features of a MatMul weight).</summary>
    public static (sbyte[] Values, float[] Scales) PerColumn(float[] weights, int rows, int columns, bool reduceRange = false)
    {
        var limit = reduceRange ? 63 : 127;
        var maxima = new float[columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                maxima[c] = Math.Max(maxima[c], Math.Abs(weights[r * columns + c]));
            }
        }

        var scales = maxima.Select(m => ScaleOf(m, limit)).ToArray();
        var values = new sbyte[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            values[i] = Quantize(weights[i], scales[i % columns], limit);
        }

        return (values, scales);
    }

    /// <summary>The transpose of a row-major [rows, columns] matrix.</summary>
    public static float[] Transpose(float[] matrix, int rows, int columns)
    {
        var transposed = new float[matrix.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                transposed[c * rows + r] = matrix[r * columns + c];
            }
        }

        return transposed;
    }

    // An all-zero channel still needs a positive scale: DequantizeLinear divides by nothing, but QLinear kernels reject 0.
    private static float ScaleOf(float maxAbs, int limit) => maxAbs > 0 ? maxAbs / limit : 1f;

    private static sbyte Quantize(float value, float scale, int limit) =>
        (sbyte)Math.Clamp(Math.Round(value / scale, MidpointRounding.ToEven), -limit, limit);

    private static float MaxAbs(ReadOnlySpan<float> values)
    {
        var max = 0f;
        foreach (var v in values)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }
}
