using Google.Protobuf;
using Onnx;

namespace EfficiencyDashboard.Runner.Tests.Analysis;

/// <summary>Writes small opset-17 graphs node by node, for operators the generated architectures do not use.</summary>
internal sealed class HandBuiltModel
{
    private readonly GraphProto _graph = new() { Name = "hand_built" };

    public HandBuiltModel Input(string name, TensorProto.Types.DataType type, params long[] featureDims)
    {
        _graph.Input.Add(ValueInfo(name, type, featureDims));
        return this;
    }

    public HandBuiltModel Output(string name, TensorProto.Types.DataType type, params long[] featureDims)
    {
        _graph.Output.Add(ValueInfo(name, type, featureDims));
        return this;
    }

    public HandBuiltModel Weight(string name, TensorProto.Types.DataType type, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type };
        tensor.Dims.AddRange(dims);
        var count = (int)dims.Aggregate(1L, (a, b) => a * b);
        var bytes = new byte[count * (type == TensorProto.Types.DataType.Float ? 4 : 1)];
        new Random(1).NextBytes(bytes);
        if (type == TensorProto.Types.DataType.Float)
        {
            // Small finite floats rather than arbitrary bit patterns.
            Buffer.BlockCopy(Enumerable.Range(0, count).Select(i => (i % 7 - 3) * 0.1f).ToArray(), 0, bytes, 0, bytes.Length);
        }

        tensor.RawData = ByteString.CopyFrom(bytes);
        _graph.Initializer.Add(tensor);
        return this;
    }

    public HandBuiltModel Node(string opType, string[] inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = output };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);
        return this;
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public byte[] ToBytes()
    {
        var model = new ModelProto { IrVersion = 8, ProducerName = "test", Graph = _graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
        return model.ToByteArray();
    }

    private static ValueInfoProto ValueInfo(string name, TensorProto.Types.DataType type, long[] featureDims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "batch" });
        shape.Dim.AddRange(featureDims.Select(d => new TensorShapeProto.Types.Dimension { DimValue = d }));
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }
}
