namespace EfficiencyDashboard.Runner.ModelBuilding;

/// <summary>
/// torchvision's ResNet (v1.5: the bottleneck strides on its 3x3 conv), layer names included,
/// so parameter counts match resnet18 and resnet50 exactly.
/// </summary>
internal static class ResNetArchitecture
{
    private static readonly int[] StagePlanes = [64, 128, 256, 512];

    public static byte[] Build(int depth, int seed)
    {
        var (blocksPerStage, bottleneck) = depth switch
        {
            18 => (new[] { 2, 2, 2, 2 }, false),
            50 => (new[] { 3, 4, 6, 3 }, true),
            _ => throw new ArgumentOutOfRangeException(nameof(depth), depth, "Only ResNet-18 and ResNet-50 are supported."),
        };
        var expansion = bottleneck ? 4 : 1;

        var graph = new OnnxGraphBuilder($"resnet{depth}", seed);
        var x = graph.AddBatchedInput("input", 3, 224, 224);

        // Stem: 7x7/2 conv, then 3x3/2 max pool, taking 224 down to 56.
        x = graph.ConvBatchNorm(x, "stem", 3, 64, kernel: 7, stride: 2);
        x = graph.AddNode("MaxPool", "maxpool", [x],
            OnnxGraphBuilder.Ints("kernel_shape", 3, 3),
            OnnxGraphBuilder.Ints("strides", 2, 2),
            OnnxGraphBuilder.Ints("pads", 1, 1, 1, 1));

        var inChannels = 64;
        for (var stage = 0; stage < StagePlanes.Length; stage++)
        {
            var planes = StagePlanes[stage];
            for (var block = 0; block < blocksPerStage[stage]; block++)
            {
                // Only the first block of stages 2-4 halves the resolution.
                var stride = stage > 0 && block == 0 ? 2 : 1;
                var name = $"layer{stage + 1}.{block}";
                x = bottleneck
                    ? Bottleneck(graph, x, name, inChannels, planes, stride)
                    : BasicBlock(graph, x, name, inChannels, planes, stride);
                inChannels = planes * expansion;
            }
        }

        var logits = graph.PooledClassifier(x, "fc", inChannels, 1000);
        graph.Finish(logits, "logits", 1000);
        return graph.ToModelBytes();
    }

    private static string BasicBlock(OnnxGraphBuilder graph, string input, string name, int inChannels, int planes, int stride)
    {
        var x = graph.ConvBatchNorm(input, $"{name}.1", inChannels, planes, kernel: 3, stride: stride);
        x = graph.ConvBatchNorm(x, $"{name}.2", planes, planes, kernel: 3, activation: Activation.None);
        return Residual(graph, input, x, name, inChannels, planes, stride);
    }

    private static string Bottleneck(OnnxGraphBuilder graph, string input, string name, int inChannels, int planes, int stride)
    {
        var outChannels = planes * 4;
        var x = graph.ConvBatchNorm(input, $"{name}.1", inChannels, planes, kernel: 1);
        x = graph.ConvBatchNorm(x, $"{name}.2", planes, planes, kernel: 3, stride: stride);
        x = graph.ConvBatchNorm(x, $"{name}.3", planes, outChannels, kernel: 1, activation: Activation.None);
        return Residual(graph, input, x, name, inChannels, outChannels, stride);
    }

    private static string Residual(
        OnnxGraphBuilder graph, string input, string branch, string name, int inChannels, int outChannels, int stride)
    {
        // The shortcut needs a projection exactly when the identity would not fit the branch's shape.
        var shortcut = stride != 1 || inChannels != outChannels
            ? graph.ConvBatchNorm(input, $"{name}.downsample", inChannels, outChannels, kernel: 1, stride: stride,
                activation: Activation.None)
            : input;
        var sum = graph.AddNode("Add", $"{name}.add", [branch, shortcut]);
        return graph.AddNode("Relu", $"{name}.relu", [sum]);
    }
}
