using Onnx;

namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>
/// Structured pruning of the hidden channels between convolutions: a Conv whose output goes, through its
/// BatchNormalization and an activation (and optionally depthwise Convs with theirs), into exactly one dense Conv.
/// That is conv1 -> conv2 in a ResNet basic block, conv1 -> conv2 and conv2 -> conv3 in a bottleneck, and
/// expand -> depthwise -> project in a MobileNetV2 inverted residual (block 1's stem output included); block outputs,
/// which feed residual additions, are never matched and stay intact.
/// </summary>
internal sealed class ConvChannelPruning
{
    private static readonly HashSet<string> Activations = new(StringComparer.Ordinal)
    {
        "Relu", "Clip", "LeakyRelu", "Sigmoid", "HardSigmoid", "HardSwish", "Elu", "Selu", "Tanh", "PRelu",
    };

    private readonly NodeProto _head;
    private readonly List<NodeProto> _batchNorms;
    private readonly List<NodeProto> _depthwise;
    private readonly NodeProto _tail;

    private ConvChannelPruning(NodeProto head, List<NodeProto> batchNorms, List<NodeProto> depthwise, NodeProto tail)
    {
        (_head, _batchNorms, _depthwise, _tail) = (head, batchNorms, depthwise, tail);
    }

    public static List<ConvChannelPruning> Find(ModelGraph graph) =>
        [.. graph.Nodes.Where(n => n.OpType == "Conv").Select(n => Match(graph, n)).OfType<ConvChannelPruning>()];

    /// <summary>Removes the least important hidden channels (by the head Conv's per-channel L1 norm); returns (before, after).</summary>
    public (int Before, int After) Prune(ModelGraph graph, double ratio)
    {
        var weight = graph.Initializer(_head.Input[1])!;
        var keep = TensorSlicing.KeepMostImportant(TensorSlicing.L1(TensorData.ReadFloats(weight), [.. weight.Dims], 0), ratio);
        var before = (int)weight.Dims[0];
        TensorSlicing.Keep(graph, _head, 1, 0, keep);
        KeepBias(graph, _head, keep);
        foreach (var depthwise in _depthwise)
        {
            TensorSlicing.Keep(graph, depthwise, 1, 0, keep);
            KeepBias(graph, depthwise, keep);
            ModelGraph.SetIntAttribute(depthwise, "group", keep.Length);
        }

        foreach (var bn in _batchNorms)
        {
            for (var slot = 1; slot <= 4; slot++)
            {
                TensorSlicing.Keep(graph, bn, slot, 0, keep);
            }
        }

        TensorSlicing.Keep(graph, _tail, 1, 1, keep);
        return (before, keep.Length);
    }

    private static void KeepBias(ModelGraph graph, NodeProto conv, int[] keep)
    {
        if (conv.Input.Count > 2 && conv.Input[2].Length > 0)
        {
            TensorSlicing.Keep(graph, conv, 2, 0, keep);
        }
    }

    private static ConvChannelPruning? Match(ModelGraph graph, NodeProto head)
    {
        if (ModelGraph.IntAttribute(head, "group", 1) != 1 || graph.Initializer(head.Input[1]) is not { DataType: TensorData.Float } weight
            || weight.Dims.Count < 3 || (head.Input.Count > 2 && head.Input[2].Length > 0 && graph.Initializer(head.Input[2]) is null))
        {
            return null;
        }

        var channels = weight.Dims[0];
        var batchNorms = new List<NodeProto>();
        var depthwise = new List<NodeProto>();
        var tensor = head.Output[0];
        while (true)
        {
            if (!FollowNormalizationAndActivation(graph, ref tensor, batchNorms))
            {
                return null;
            }

            var next = SoleReader(graph, tensor);
            if (next is not { OpType: "Conv" } || next.Input[0] != tensor || graph.Initializer(next.Input[1]) is not { DataType: TensorData.Float } nextWeight)
            {
                return null;
            }

            var group = ModelGraph.IntAttribute(next, "group", 1);
            if (group == 1 && nextWeight.Dims[1] == channels)
            {
                return new ConvChannelPruning(head, batchNorms, depthwise, next);
            }

            if (group != channels || nextWeight.Dims[0] != channels || nextWeight.Dims[1] != 1
                || (next.Input.Count > 2 && next.Input[2].Length > 0 && graph.Initializer(next.Input[2]) is null))
            {
                return null;
            }

            depthwise.Add(next);
            tensor = next.Output[0];
        }
    }

    /// <summary>Steps over an optional BatchNormalization and a required activation; hidden channels always have one.</summary>
    private static bool FollowNormalizationAndActivation(ModelGraph graph, ref string tensor, List<NodeProto> batchNorms)
    {
        var reader = SoleReader(graph, tensor);
        if (reader is { OpType: "BatchNormalization" } bn && bn.Input[0] == tensor && Enumerable.Range(1, 4).All(i => graph.Initializer(bn.Input[i]) is not null))
        {
            batchNorms.Add(bn);
            tensor = bn.Output[0];
            reader = SoleReader(graph, tensor);
        }

        // Extra operands (Clip's bounds, a PRelu slope) must be scalars, or they would need pruning too.
        bool IsScalarConstant(string input) => input.Length == 0 || graph.ConstantValue(input) is { } value && TensorData.ElementCount(value) == 1;
        if (reader is null || !Activations.Contains(reader.OpType) || reader.Input[0] != tensor || !reader.Input.Skip(1).All(IsScalarConstant))
        {
            return false;
        }

        tensor = reader.Output[0];
        return true;
    }

    /// <summary>The only node that reads the tensor, or null when it is read by several or is a graph output.</summary>
    private static NodeProto? SoleReader(ModelGraph graph, string tensor)
    {
        if (graph.UseCount(tensor) != 1)
        {
            return null;
        }

        return graph.Consumers(tensor).FirstOrDefault();
    }
}
