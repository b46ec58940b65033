namespace EfficiencyDashboard.Runner.ModelBuilding;

/// <summary>
/// torchvision's mobilenet_v2: inverted residual blocks with linear bottlenecks and ReLU6,
/// including its width-multiplier channel rounding.
/// </summary>
internal static class MobileNetV2Architecture
{
    private const int ChannelDivisor = 8;

    // (expansion t, output channels c, repeats n, first stride s), table 2 of the paper.
    private static readonly (int T, int C, int N, int S)[] InvertedResidualSetting =
    [
        (1, 16, 1, 1),
        (6, 24, 2, 2),
        (6, 32, 3, 2),
        (6, 64, 4, 2),
        (6, 96, 3, 1),
        (6, 160, 3, 2),
        (6, 320, 1, 1),
    ];

    public static byte[] Build(double widthMultiplier, int seed)
    {
        if (!(widthMultiplier > 0) || double.IsInfinity(widthMultiplier))
        {
            throw new ArgumentOutOfRangeException(nameof(widthMultiplier), widthMultiplier, "Width multiplier must be positive.");
        }

        var graph = new OnnxGraphBuilder("mobilenet_v2", seed);
        var x = graph.AddBatchedInput("input", 3, 224, 224);

        var inChannels = MakeDivisible(32 * widthMultiplier);
        // The head is widened for multipliers above 1 but never narrowed below 1280.
        var lastChannels = MakeDivisible(1280 * Math.Max(1.0, widthMultiplier));

        x = graph.ConvBatchNorm(x, "features.0", 3, inChannels, kernel: 3, stride: 2, activation: Activation.Relu6);
        var featureIndex = 1;
        foreach (var (t, c, n, s) in InvertedResidualSetting)
        {
            var outChannels = MakeDivisible(c * widthMultiplier);
            for (var i = 0; i < n; i++)
            {
                x = InvertedResidual(graph, x, $"features.{featureIndex++}", inChannels, outChannels, i == 0 ? s : 1, t);
                inChannels = outChannels;
            }
        }

        x = graph.ConvBatchNorm(x, $"features.{featureIndex}", inChannels, lastChannels, kernel: 1,
            activation: Activation.Relu6);
        // Dropout before the classifier is a no-op at inference, so it is not emitted.
        var logits = graph.PooledClassifier(x, "classifier", lastChannels, 1000);
        graph.Finish(logits, "logits", 1000);
        return graph.ToModelBytes();
    }

    private static string InvertedResidual(
        OnnxGraphBuilder graph, string input, string name, int inChannels, int outChannels, int stride, int expansion)
    {
        var hidden = (int)Math.Round(inChannels * (double)expansion, MidpointRounding.ToEven);
        var x = input;
        if (expansion != 1)
        {
            x = graph.ConvBatchNorm(x, $"{name}.expand", inChannels, hidden, kernel: 1, activation: Activation.Relu6);
        }

        x = graph.ConvBatchNorm(x, $"{name}.depthwise", hidden, hidden, kernel: 3, stride: stride, groups: hidden,
            activation: Activation.Relu6);
        // Linear bottleneck: no activation after the projection, per the paper.
        x = graph.ConvBatchNorm(x, $"{name}.project", hidden, outChannels, kernel: 1, activation: Activation.None);

        return stride == 1 && inChannels == outChannels
            ? graph.AddNode("Add", $"{name}.add", [input, x])
            : x;
    }

    /// <summary>torchvision's _make_divisible: round to a multiple of 8 without losing more than 10%.</summary>
    internal static int MakeDivisible(double value)
    {
        var rounded = Math.Max(ChannelDivisor, (int)(value + ChannelDivisor / 2.0) / ChannelDivisor * ChannelDivisor);
        return rounded < 0.9 * value ? rounded + ChannelDivisor : rounded;
    }
}
