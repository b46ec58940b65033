using Onnx;

namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>
/// Structured pruning of the hidden neurons of a feed-forward block: MatMul(x, W1 [in, F]) [+ bias] -> element-wise
/// activation (ReLU, GELU written as Div/Erf/Add/Mul, ...) -> MatMul(., W2 [F, out]). Removing neuron j removes
/// column j of W1, entry j of the bias and row j of W2. Covers a Transformer's FFN and a plain MLP's hidden layer.
/// </summary>
internal sealed class FeedForwardPruning
{
    private static readonly HashSet<string> ElementWise = new(StringComparer.Ordinal)
    {
        "Relu", "Gelu", "Erf", "Tanh", "Sigmoid", "Div", "Mul", "Add", "Sub", "Clip", "LeakyRelu", "HardSigmoid", "HardSwish",
        "Softplus", "Elu", "Pow", "Sqrt", "Identity",
    };

    private readonly NodeProto _up;
    private readonly NodeProto? _bias;
    private readonly int _biasSlot;
    private readonly NodeProto _down;

    private FeedForwardPruning(NodeProto up, NodeProto? bias, int biasSlot, NodeProto down) =>
        (_up, _bias, _biasSlot, _down) = (up, bias, biasSlot, down);

    public static List<FeedForwardPruning> Find(ModelGraph graph) =>
        [.. graph.Nodes.Where(n => n.OpType == "MatMul").Select(n => Match(graph, n)).OfType<FeedForwardPruning>()];

    /// <summary>Removes the neurons with the smallest L1 weight (in W1's column plus W2's row); returns (before, after).</summary>
    public (int Before, int After) Prune(ModelGraph graph, double ratio)
    {
        var up = graph.Initializer(_up.Input[1])!;
        var down = graph.Initializer(_down.Input[1])!;
        var upL1 = TensorSlicing.L1(TensorData.ReadFloats(up), [.. up.Dims], 1);
        var downL1 = TensorSlicing.L1(TensorData.ReadFloats(down), [.. down.Dims], 0);
        var keep = TensorSlicing.KeepMostImportant([.. upL1.Select((v, i) => v + downL1[i])], ratio);
        TensorSlicing.Keep(graph, _up, 1, 1, keep);
        if (_bias is not null)
        {
            TensorSlicing.Keep(graph, _bias, _biasSlot, 0, keep);
        }

        TensorSlicing.Keep(graph, _down, 1, 0, keep);
        return (upL1.Length, keep.Length);
    }

    private static FeedForwardPruning? Match(ModelGraph graph, NodeProto up)
    {
        if (graph.Initializer(up.Input[1]) is not { DataType: TensorData.Float, Dims.Count: 2 } weight || graph.UseCount(up.Output[0]) != 1)
        {
            return null;
        }

        var hidden = weight.Dims[1];
        var start = up.Output[0];
        NodeProto? bias = null;
        var biasSlot = 0;
        var first = graph.Consumers(start).Single();
        if (first.OpType == "Add" && first.Input.Count == 2)
        {
            biasSlot = first.Input[0] == start ? 1 : 0;
            if (graph.Initializer(first.Input[biasSlot]) is { DataType: TensorData.Float } b && b.Dims.Count == 1 && b.Dims[0] == hidden)
            {
                bias = first;
                start = first.Output[0];
            }
        }

        var down = FindDownProjection(graph, start, hidden);
        return down is null ? null : new FeedForwardPruning(up, bias, biasSlot, down);
    }

    /// <summary>
    /// Walks the element-wise region that starts at <paramref name="start"/>; it must end in exactly one MatMul with a
    /// [hidden, out] weight, and every other operand in it must be a scalar constant (so it needs no pruning).
    /// </summary>
    private static NodeProto? FindDownProjection(ModelGraph graph, string start, long hidden)
    {
        var region = new HashSet<string>(StringComparer.Ordinal) { start };
        var accepted = new HashSet<NodeProto>();
        NodeProto? down = null;
        for (var grew = true; grew;)
        {
            grew = false;
            // Nodes join once all their operands are in the region, so GELU's Mul(x, 0.5 * (1 + erf)) waits for both branches.
            foreach (var reader in region.SelectMany(graph.Consumers).Distinct().Where(n => !accepted.Contains(n)).ToList())
            {
                if (reader.OpType == "MatMul" && region.Contains(reader.Input[0]) && !region.Contains(reader.Input[1])
                    && graph.Initializer(reader.Input[1]) is { DataType: TensorData.Float, Dims.Count: 2 } weight && weight.Dims[0] == hidden)
                {
                    if (down is not null)
                    {
                        return null;
                    }

                    down = reader;
                    accepted.Add(reader);
                    continue;
                }

                var operandsReady = reader.Input.All(i => i.Length == 0 || region.Contains(i)
                    || graph.ConstantValue(i) is { } constant && TensorData.ElementCount(constant) == 1);
                if (ElementWise.Contains(reader.OpType) && reader.Output.Count == 1 && operandsReady)
                {
                    accepted.Add(reader);
                    grew |= region.Add(reader.Output[0]);
                }
            }
        }

        // Every reader of the hidden activations must be inside the block, or pruning would change what it reads.
        var closed = region.All(t => !graph.IsGraphOutput(t) && graph.Consumers(t).All(accepted.Contains));
        return closed ? down : null;
    }
}
