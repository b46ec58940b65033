using Onnx;

namespace EfficiencyDashboard.Runner.Analysis;

/// <summary>
/// Multiply-accumulates of the operators that dominate inference cost, from the shapes the model
/// actually had when run. Element-wise ops, normalisation and softmax are not counted, as in the
/// published MAC figures for ResNet, MobileNet, BERT and ViT; nor are the gate nonlinearities of
/// recurrent layers, whose cost is their input and recurrent matrix products.
/// </summary>
internal static class OperatorCost
{
    /// <summary>Microsoft-domain ops shaped like MatMul (A at input 0) that quantised exports use.</summary>
    private static readonly HashSet<string> MicrosoftMatMuls = ["MatMulIntegerToFloat", "DynamicQuantizeMatMul"];

    /// <summary>True when <paramref name="node"/> is an op whose MACs are counted.</summary>
    public static bool IsCounted(NodeProto node) => IsDefaultDomain(node.Domain)
        ? node.OpType is "Conv" or "ConvInteger" or "QLinearConv" or "ConvTranspose" or "Gemm"
            or "MatMul" or "MatMulInteger" or "QLinearMatMul" or "LSTM" or "GRU" or "RNN"
        : node.Domain == "com.microsoft" && MicrosoftMatMuls.Contains(node.OpType);

    /// <summary>
    /// The MACs of one node over the whole batch, and the precision of its operands; false when the
    /// node is not counted or a shape it needs is unknown.
    /// </summary>
    public static bool TryCount(
        NodeProto node, IReadOnlyDictionary<string, ValueShape> shapes, out long macs, out string precision)
    {
        macs = 0;
        precision = "";
        if (!IsCounted(node))
        {
            return false;
        }

        if (node.OpType is "LSTM" or "GRU" or "RNN")
        {
            return TryCountRecurrent(node, shapes, out macs, out precision);
        }

        // (input slot of the activation, input slot of the weight or second matrix)
        var (a, b) = node.OpType switch
        {
            "QLinearConv" or "QLinearMatMul" => (0, 3),
            _ => (0, 1),
        };
        var first = Shape(node, a, shapes);
        var second = Shape(node, b, shapes);
        var output = node.Output.Count > 0 && shapes.TryGetValue(node.Output[0], out var y) ? y : null;
        if (first is null || second is null || output is null)
        {
            return false;
        }

        precision = first.ElementType == second.ElementType ? first.ElementType : $"{first.ElementType} x {second.ElementType}";
        macs = node.OpType switch
        {
            // Each output element sums over its group's input channels times the kernel window:
            // W is [M, C/group, k...], so grouped and depthwise convs need no special case.
            "Conv" or "ConvInteger" or "QLinearConv" => output.ElementCount * Product(second.Dims.Skip(1)),
            // Each input element is scattered through W [C, M/group, k...].
            "ConvTranspose" => first.ElementCount * Product(second.Dims.Skip(1)),
            "Gemm" => output.ElementCount * (first.Rank == 2 ? first.Dims[Attribute(node, "transA") == 1 ? 0 : 1] : 0),
            // NumPy matmul: every output element is a dot product over A's last axis, batch axes broadcast.
            _ => output.ElementCount * (first.Rank == 0 ? 0 : first.Dims[^1]),
        };
        return true;
    }

    /// <summary>
    /// Every time step of every sequence and direction multiplies the input by W [directions, gates x hidden, input]
    /// and the previous state by R [directions, gates x hidden, hidden]: gates x hidden x (input + hidden) per step and
    /// direction. X is [sequence, batch, input] (or batch first), so its element count over the input size is the steps.
    /// Padded steps skipped through sequence_lens are counted, as the probe feeds full-length sequences.
    /// </summary>
    private static bool TryCountRecurrent(NodeProto node, IReadOnlyDictionary<string, ValueShape> shapes, out long macs, out string precision)
    {
        macs = 0;
        precision = "";
        var x = Shape(node, 0, shapes);
        var w = Shape(node, 1, shapes);
        var r = Shape(node, 2, shapes);
        if (x is not { Rank: 3 } || w is not { Rank: 3 } || r is not { Rank: 3 } || x.Dims[^1] == 0)
        {
            return false;
        }

        var steps = x.ElementCount / x.Dims[^1];
        macs = steps * w.Dims[0] * w.Dims[1] * (w.Dims[2] + r.Dims[2]);
        precision = x.ElementType == w.ElementType ? x.ElementType : $"{x.ElementType} x {w.ElementType}";
        return true;
    }

    private static ValueShape? Shape(NodeProto node, int slot, IReadOnlyDictionary<string, ValueShape> shapes) =>
        slot < node.Input.Count && shapes.TryGetValue(node.Input[slot], out var shape) ? shape : null;

    private static long Attribute(NodeProto node, string name) =>
        node.Attribute.FirstOrDefault(a => a.Name == name)?.I ?? 0;

    private static long Product(IEnumerable<long> dims) => dims.Aggregate(1L, (p, d) => p * d);

    public static bool IsDefaultDomain(string domain) => domain is "" or "ai.onnx";
}
