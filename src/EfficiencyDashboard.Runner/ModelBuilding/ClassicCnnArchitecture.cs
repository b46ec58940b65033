namespace EfficiencyDashboard.Runner.ModelBuilding;

/// <summary>
/// torchvision's alexnet (the "one weird trick" single-tower layout) and vgg16 (configuration D, no batch norm): plain
/// convolution stacks with a large fully connected head, the pre-ResNet baselines. Layer sizes as torchvision builds them,
/// so parameter and MAC counts match its model cards.
/// </summary>
internal static class ClassicCnnArchitecture
{
    // (out channels, kernel, stride, padding) per conv; 0 marks a 3x3/2 max pool.
    private static readonly (int Out, int Kernel, int Stride, int Pad)[] AlexNetFeatures =
    [
        (64, 11, 4, 2), default, (192, 5, 1, 2), default, (384, 3, 1, 1), (256, 3, 1, 1), (256, 3, 1, 1), default,
    ];

    // VGG-16 configuration D: -1 marks a 2x2/2 max pool.
    private static readonly int[] VggFeatures = [64, 64, -1, 128, 128, -1, 256, 256, 256, -1, 512, 512, 512, -1, 512, 512, 512, -1];

    public static byte[] AlexNet(int seed)
    {
        var graph = new OnnxGraphBuilder("alexnet", seed);
        var x = graph.AddBatchedInput("input", 3, 224, 224);
        int channels = 3, conv = 0, pool = 0;
        foreach (var (outChannels, kernel, stride, pad) in AlexNetFeatures)
        {
            if (outChannels == 0)
            {
                x = MaxPool(graph, x, $"features.pool{pool++}", kernel: 3, stride: 2);
                continue;
            }

            x = graph.ConvRelu(x, $"features.conv{conv++}", channels, outChannels, kernel, stride, pad);
            channels = outChannels;
        }

        // At 224 x 224 the features are already 6 x 6, so torchvision's AdaptiveAvgPool2d((6, 6)) is the identity.
        return Classifier(graph, x, channels * 6 * 6);
    }

    public static byte[] Vgg16(int seed)
    {
        var graph = new OnnxGraphBuilder("vgg16", seed);
        var x = graph.AddBatchedInput("input", 3, 224, 224);
        int channels = 3, index = 0;
        foreach (var outChannels in VggFeatures)
        {
            x = outChannels < 0
                ? MaxPool(graph, x, $"features.{index}", kernel: 2, stride: 2)
                : graph.ConvRelu(x, $"features.{index}", channels, outChannels, kernel: 3, stride: 1, pad: 1);
            channels = outChannels < 0 ? channels : outChannels;
            index++;
        }

        // 224 halves five times to 7 x 7: AdaptiveAvgPool2d((7, 7)) is the identity there too.
        return Classifier(graph, x, channels * 7 * 7);
    }

    /// <summary>Flatten, then Linear-ReLU, Linear-ReLU, Linear to 1000 classes (dropout is a no-op at inference).</summary>
    private static byte[] Classifier(OnnxGraphBuilder graph, string features, int flattened)
    {
        var x = graph.AddNode("Flatten", "classifier.flatten", [features], OnnxGraphBuilder.Int("axis", 1));
        x = graph.AddNode("Relu", "classifier.relu0", [graph.Dense(x, "classifier.0", flattened, 4096, transposedWeight: true)]);
        x = graph.AddNode("Relu", "classifier.relu1", [graph.Dense(x, "classifier.1", 4096, 4096, transposedWeight: true)]);
        var logits = graph.Dense(x, "classifier.2", 4096, 1000, transposedWeight: true);
        graph.Finish(logits, "logits", 1000);
        return graph.ToModelBytes();
    }

    private static string MaxPool(OnnxGraphBuilder graph, string input, string name, int kernel, int stride) =>
        graph.AddNode("MaxPool", name, [input],
            OnnxGraphBuilder.Ints("kernel_shape", kernel, kernel),
            OnnxGraphBuilder.Ints("strides", stride, stride));
}
