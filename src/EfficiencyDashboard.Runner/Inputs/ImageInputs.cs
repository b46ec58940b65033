namespace EfficiencyDashboard.Runner.Inputs;

/// <summary>
/// A fixed, seeded set of procedural RGB images (gradients, checkerboards, blobs, rings, stripes), so image
/// models see structured, natural-looking statistics instead of white noise, without shipping image files.
/// Image <c>i</c> is the same on every machine and in every run.
/// </summary>
public static class ImageInputs
{
    /// <summary>Kinds of pattern, cycled by image index.</summary>
    private const int PatternCount = 5;

    /// <summary>One image as normalised float32 CHW.</summary>
    /// <param name="index">Which image of the set (any non-negative number).</param>
    /// <param name="height">Rows; 224 for ImageNet models.</param>
    /// <param name="width">Columns; 224 for ImageNet models.</param>
    /// <param name="normalization">How pixels become inputs; ImageNet's when null.</param>
    public static float[] Image(int index, int height = 224, int width = 224, ImageNormalization? normalization = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        var norm = normalization ?? ImageNormalization.ImageNet;
        var random = new Random(1_000 + index);
        var rgb = Pixels(index % PatternCount, height, width, random);

        var plane = height * width;
        var chw = new float[3 * plane];
        for (var c = 0; c < 3; c++)
        {
            var source = norm.Bgr ? 2 - c : c;
            for (var p = 0; p < plane; p++)
            {
                chw[c * plane + p] = (rgb[p * 3 + source] * norm.PixelScale - norm.Mean[c]) / norm.Std[c];
            }
        }

        return chw;
    }

    /// <summary>Images <paramref name="start"/> .. <paramref name="start"/> + batchSize - 1 as one NCHW tensor.</summary>
    public static InputTensor Batch(
        string inputName, int batchSize, int start, int height = 224, int width = 224, ImageNormalization? normalization = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var size = 3 * height * width;
        var values = new float[batchSize * size];
        for (var i = 0; i < batchSize; i++)
        {
            Image(start + i, height, width, normalization).CopyTo(values, i * size);
        }

        return new InputTensor(inputName, [batchSize, 3, height, width], values);
    }

    /// <summary>Interleaved RGB in [0, 1].</summary>
    private static float[] Pixels(int pattern, int height, int width, Random random)
    {
        var a = RandomColor(random);
        var b = RandomColor(random);
        var pixels = new float[height * width * 3];
        Func<double, double, double> mix = pattern switch
        {
            0 => Gradient(random),
            1 => Checkerboard(random, height),
            2 => Blobs(random),
            3 => Rings(random),
            _ => Stripes(random),
        };
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var t = Math.Clamp(mix(y / (double)height, x / (double)width), 0, 1);
                for (var c = 0; c < 3; c++)
                {
                    // Small per-pixel noise, like sensor noise, so no two pixels are exactly equal.
                    var value = a[c] * (1 - t) + b[c] * t + (random.NextDouble() - 0.5) * 0.04;
                    pixels[(y * width + x) * 3 + c] = (float)Math.Clamp(value, 0, 1);
                }
            }
        }

        return pixels;
    }

    private static double[] RandomColor(Random random) => [random.NextDouble(), random.NextDouble(), random.NextDouble()];

    private static Func<double, double, double> Gradient(Random random)
    {
        var angle = random.NextDouble() * Math.PI * 2;
        var (dy, dx) = (Math.Sin(angle), Math.Cos(angle));
        return (y, x) => 0.5 + ((y - 0.5) * dy + (x - 0.5) * dx);
    }

    private static Func<double, double, double> Checkerboard(Random random, int height)
    {
        var cells = random.Next(3, 17);
        var softness = 2.0 / height;
        return (y, x) =>
        {
            var cy = Math.Sin(Math.PI * y * cells);
            var cx = Math.Sin(Math.PI * x * cells);
            return 0.5 + 0.5 * Math.Tanh(cy * cx / softness);
        };
    }

    private static Func<double, double, double> Blobs(Random random)
    {
        var blobs = Enumerable.Range(0, random.Next(3, 8))
            .Select(_ => (Y: random.NextDouble(), X: random.NextDouble(), R: 0.05 + random.NextDouble() * 0.2, W: random.NextDouble()))
            .ToArray();
        return (y, x) => blobs.Sum(b => b.W * Math.Exp(-((y - b.Y) * (y - b.Y) + (x - b.X) * (x - b.X)) / (2 * b.R * b.R)));
    }

    private static Func<double, double, double> Rings(Random random)
    {
        var (cy, cx) = (random.NextDouble(), random.NextDouble());
        var frequency = 4 + random.NextDouble() * 20;
        return (y, x) => 0.5 + 0.5 * Math.Cos(Math.Sqrt((y - cy) * (y - cy) + (x - cx) * (x - cx)) * frequency * Math.PI);
    }

    private static Func<double, double, double> Stripes(Random random)
    {
        var angle = random.NextDouble() * Math.PI;
        var frequency = 3 + random.NextDouble() * 25;
        var (dy, dx) = (Math.Sin(angle), Math.Cos(angle));
        return (y, x) => 0.5 + 0.5 * Math.Sin((y * dy + x * dx) * frequency * Math.PI);
    }
}
