using Onnx;

namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>
/// The element type of every tensor in a graph, propagated from inputs, initializers and constants through
/// the standard operators' type rules, so techniques know which tensors are float without running the model.
/// </summary>
internal static class ElementTypes
{
    private const int Bool = (int)TensorProto.Types.DataType.Bool;

    private static readonly HashSet<string> BooleanOps = new(StringComparer.Ordinal)
    {
        "Equal", "Less", "Greater", "LessOrEqual", "GreaterOrEqual", "Not", "And", "Or", "Xor", "IsNaN", "IsInf",
    };

    private static readonly HashSet<string> IndexOps = new(StringComparer.Ordinal)
    {
        "Shape", "Size", "NonZero", "ArgMax", "ArgMin", "NonMaxSuppression",
    };

    public static Dictionary<string, int> Infer(ModelGraph graph)
    {
        var types = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in graph.Graph.Input.Concat(graph.Graph.ValueInfo).Concat(graph.Graph.Output))
        {
            if (value.Type?.TensorType is { ElemType: > 0 } tensorType)
            {
                types[value.Name] = tensorType.ElemType;
            }
        }

        foreach (var initializer in graph.Graph.Initializer)
        {
            types[initializer.Name] = initializer.DataType;
        }

        foreach (var node in graph.Nodes)
        {
            for (var i = 0; i < node.Output.Count; i++)
            {
                var type = OutputType(node, i, types);
                if (type > 0 && node.Output[i].Length > 0)
                {
                    types[node.Output[i]] = type;
                }
            }
        }

        return types;
    }

    private static int OutputType(NodeProto node, int output, Dictionary<string, int> types)
    {
        int InputType(int slot) =>
            slot < node.Input.Count && types.TryGetValue(node.Input[slot], out var type) ? type : 0;

        return node.OpType switch
        {
            "Constant" => ConstantType(node),
            "ConstantOfShape" => node.Attribute.FirstOrDefault(a => a.Name == "value")?.T?.DataType ?? TensorData.Float,
            "Cast" => (int)ModelGraph.IntAttribute(node, "to", 0),
            "CastLike" => InputType(1),
            "DynamicQuantizeLinear" => output == 0 || output == 2 ? TensorData.UInt8 : TensorData.Float,
            "QuantizeLinear" => InputType(2) is > 0 and var zeroPoint ? zeroPoint : TensorData.UInt8,
            "DequantizeLinear" => InputType(1) is TensorData.Float16 ? TensorData.Float16 : TensorData.Float,
            "MatMulInteger" or "ConvInteger" => TensorData.Int32,
            "Where" => InputType(1),
            "TopK" when output == 1 => TensorData.Int64,
            "MaxPool" when output == 1 => TensorData.Int64,
            "Dropout" when output == 1 => Bool,
            _ when BooleanOps.Contains(node.OpType) => Bool,
            _ when IndexOps.Contains(node.OpType) => TensorData.Int64,
            _ => InputType(0),
        };
    }

    /// <summary>A Constant's type: its tensor's, or the type its value_int(s) / value_float(s) / value_string(s) form implies.</summary>
    private static int ConstantType(NodeProto node)
    {
        var attribute = node.Attribute.FirstOrDefault();
        return attribute?.Name switch
        {
            "value" or "sparse_value" => attribute.T?.DataType ?? TensorData.Float,
            "value_int" or "value_ints" => TensorData.Int64,
            "value_string" or "value_strings" => (int)TensorProto.Types.DataType.String,
            _ => TensorData.Float,
        };
    }
}
