using Onnx;

namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>
/// Structured pruning of whole attention heads in a BERT-style self-attention block as PyTorch exports it:
/// Q, K and V are MatMul(x, W [hidden, heads x size]) + bias, each Reshaped to [batch, sequence, heads, size] and
/// Transposed; softmax(QK^T)V is Transposed back, Reshaped to [batch, sequence, heads x size] and projected by
/// MatMul(., Wo [heads x size, hidden]). Removing a head removes its columns of Wq, Wk, Wv (and bias entries),
/// its rows of Wo, and lowers the head count and width in the two Reshape shapes.
/// </summary>
internal sealed class AttentionHeadPruning
{
    private readonly List<HeadSplit> _projections;
    private readonly NodeProto _merge;
    private readonly NodeProto _output;
    private readonly int _heads;
    private readonly int _headSize;

    private AttentionHeadPruning(List<HeadSplit> projections, NodeProto merge, NodeProto output, int heads, int headSize) =>
        (_projections, _merge, _output, _heads, _headSize) = (projections, merge, output, heads, headSize);

    /// <summary>One of Q, K, V: its MatMul, optional bias Add (and the bias's slot), and the Reshape that splits heads.</summary>
    private sealed record HeadSplit(string Input, NodeProto MatMul, NodeProto? Bias, int BiasSlot, NodeProto Reshape, NodeProto Transpose);

    public static List<AttentionHeadPruning> Find(ModelGraph graph)
    {
        var splits = graph.Nodes.Where(n => n.OpType == "Reshape").Select(n => MatchSplit(graph, n)).OfType<HeadSplit>().ToList();
        var blocks = new List<AttentionHeadPruning>();
        foreach (var group in splits.GroupBy(s => s.Input).Where(g => g.Count() == 3))
        {
            var block = MatchBlock(graph, [.. group]);
            if (block is not null)
            {
                blocks.Add(block);
            }
        }

        return blocks;
    }

    /// <summary>Removes the heads with the smallest summed L1 weight over their Q, K, V columns and Wo rows; returns (before, after).</summary>
    public (int Before, int After) Prune(ModelGraph graph, double ratio)
    {
        var importance = new double[_heads];
        foreach (var (tensor, axis) in _projections.Select(p => (graph.Initializer(p.MatMul.Input[1])!, 1)).Append((graph.Initializer(_output.Input[1])!, 0)))
        {
            var l1 = TensorSlicing.L1(TensorData.ReadFloats(tensor), [.. tensor.Dims], axis);
            for (var i = 0; i < l1.Length; i++)
            {
                importance[i / _headSize] += l1[i];
            }
        }

        var keptHeads = TensorSlicing.KeepMostImportant(importance, ratio);
        var keep = keptHeads.SelectMany(h => Enumerable.Range(h * _headSize, _headSize)).ToArray();
        foreach (var projection in _projections)
        {
            TensorSlicing.Keep(graph, projection.MatMul, 1, 1, keep);
            if (projection.Bias is not null)
            {
                TensorSlicing.Keep(graph, projection.Bias, projection.BiasSlot, 0, keep);
            }

            ReshapeShape.Replace(graph, projection.Reshape, fromEnd: 2, keptHeads.Length);
        }

        ReshapeShape.Replace(graph, _merge, fromEnd: 1, keep.Length);
        TensorSlicing.Keep(graph, _output, 1, 0, keep);
        return (_heads, keptHeads.Length);
    }

    private static HeadSplit? MatchSplit(ModelGraph graph, NodeProto reshape)
    {
        var producer = graph.Producer(reshape.Input[0]);
        NodeProto? bias = null;
        var biasSlot = 0;
        if (producer is { OpType: "Add", Input.Count: 2 })
        {
            bias = producer;
            biasSlot = graph.Initializer(producer.Input[0]) is not null ? 0 : 1;
            producer = graph.Producer(producer.Input[1 - biasSlot]);
        }

        if (producer is not { OpType: "MatMul" } || graph.Initializer(producer.Input[1]) is not { DataType: TensorData.Float, Dims.Count: 2 } weight)
        {
            return null;
        }

        var width = weight.Dims[1];
        var heads = ReshapeShape.Read(graph, reshape, fromEnd: 2);
        var size = ReshapeShape.Read(graph, reshape, fromEnd: 1);
        var biasOk = bias is null || graph.Initializer(bias.Input[biasSlot]) is { Dims.Count: 1 } b && b.Dims[0] == width;
        var transpose = Readers(graph, reshape.Output[0]) is [{ OpType: "Transpose" } t] ? t : null;
        var singleUse = Readers(graph, producer.Output[0]).Count == 1 && (bias is null || Readers(graph, bias.Output[0]).Count == 1);
        return heads is > 1 && size is > 0 && heads * size == width && biasOk && transpose is not null && singleUse
            ? new HeadSplit(producer.Input[0], producer, bias, biasSlot, reshape, transpose)
            : null;
    }

    private static AttentionHeadPruning? MatchBlock(ModelGraph graph, List<HeadSplit> projections)
    {
        var heads = ReshapeShape.Read(graph, projections[0].Reshape, fromEnd: 2)!.Value;
        var size = ReshapeShape.Read(graph, projections[0].Reshape, fromEnd: 1)!.Value;
        if (projections.Any(p => ReshapeShape.Read(graph, p.Reshape, 2) != heads || ReshapeShape.Read(graph, p.Reshape, 1) != size))
        {
            return null;
        }

        // V is the projection whose heads are multiplied by the attention probabilities: MatMul(probabilities, V).
        var context = projections
            .Select(p => Readers(graph, p.Transpose.Output[0]) is [{ OpType: "MatMul" } m] && m.Input[1] == p.Transpose.Output[0] ? m : null)
            .OfType<NodeProto>()
            .SingleOrDefault(m => graph.Producer(m.Input[0]) is { OpType: "Softmax" or "Dropout" or "Cast" });
        if (context is null
            || Readers(graph, context.Output[0]) is not [{ OpType: "Transpose" } back]
            || Readers(graph, back.Output[0]) is not [{ OpType: "Reshape" } merge]
            || ReshapeShape.Read(graph, merge, fromEnd: 1) != heads * size
            || Readers(graph, merge.Output[0]) is not [{ OpType: "MatMul" } output]
            || output.Input[0] != merge.Output[0]
            || graph.Initializer(output.Input[1]) is not { DataType: TensorData.Float, Dims.Count: 2 } outputWeight
            || outputWeight.Dims[0] != heads * size)
        {
            return null;
        }

        return new AttentionHeadPruning(projections, merge, output, (int)heads, (int)size);
    }

    /// <summary>
    /// The nodes that read a tensor's values (none for a graph output, which must not change shape). Shape nodes are
    /// left out: PyTorch exports read batch and sequence sizes from the projections, and those stay valid.
    /// </summary>
    private static List<NodeProto> Readers(ModelGraph graph, string tensor) =>
        graph.IsGraphOutput(tensor) ? [] : [.. graph.Consumers(tensor).Where(n => n.OpType != "Shape")];
}
