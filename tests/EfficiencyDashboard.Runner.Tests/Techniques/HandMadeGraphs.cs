using Google.Protobuf;
using Onnx;

namespace EfficiencyDashboard.Runner.Tests.Techniques;

/// <summary>Minimal ONNX graphs written by hand for the cases no real model shows: topologies a technique must refuse.</summary>
public static class HandMadeGraphs
{
    private const int Float = (int)TensorProto.Types.DataType.Float;
    private const int Int64 = (int)TensorProto.Types.DataType.Int64;

    /// <summary>input [batch, 4] -> Relu -> output: no weights at all.</summary>
    public static byte[] ReluOnly() => Model(
        [Value("input", "batch", 4)], [Value("output", "batch", 4)], [], [Node("Relu", ["input"], ["output"])]);

    /// <summary>input [batch, 3, 8, 8] -> Conv (4 filters, 3x3) -> output: one convolution, nothing between two.</summary>
    public static byte[] SingleConv()
    {
        var weight = new TensorProto { Name = "weight", DataType = Float };
        weight.Dims.AddRange([4, 3, 3, 3]);
        weight.FloatData.AddRange(Enumerable.Range(0, 108).Select(i => (float)Math.Sin(i)));
        var conv = Node("Conv", ["input", "weight"], ["output"]);
        conv.Attribute.Add(new AttributeProto { Name = "pads", Type = AttributeProto.Types.AttributeType.Ints, Ints = { 1, 1, 1, 1 } });
        return Model([Value("input", "batch", 3, 8, 8)], [Value("output", "batch", 4, 8, 8)], [weight], [conv]);
    }

    /// <summary>input [1, 4] -> Reshape to a hard-coded [1, -1] -> Relu -> output: exported at batch 1, cannot take another.</summary>
    public static byte[] HardCodedBatchReshape()
    {
        var shape = new TensorProto { Name = "shape", DataType = Int64 };
        shape.Dims.Add(2);
        shape.Int64Data.AddRange([1, -1]);
        return Model(
            [Value("input", null, 4)], [Value("output", null, 4)], [shape],
            [Node("Reshape", ["input", "shape"], ["flat"]), Node("Relu", ["flat"], ["output"])]);
    }

    private static byte[] Model(ValueInfoProto[] inputs, ValueInfoProto[] outputs, TensorProto[] initializers, NodeProto[] nodes)
    {
        var graph = new GraphProto { Name = "hand_made" };
        graph.Input.AddRange(inputs);
        graph.Output.AddRange(outputs);
        graph.Initializer.AddRange(initializers);
        graph.Node.AddRange(nodes);
        var model = new ModelProto { IrVersion = 8, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
        return model.ToByteArray();
    }

    private static NodeProto Node(string op, string[] inputs, string[] outputs)
    {
        var node = new NodeProto { OpType = op, Name = op + "_" + outputs[0] };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        return node;
    }

    /// <summary>A float tensor value; a null batch name fixes the first dimension at 1.</summary>
    private static ValueInfoProto Value(string name, string? batch, params long[] featureDims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(batch is null ? new TensorShapeProto.Types.Dimension { DimValue = 1 } : new TensorShapeProto.Types.Dimension { DimParam = batch });
        shape.Dim.AddRange(featureDims.Select(d => new TensorShapeProto.Types.Dimension { DimValue = d }));
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = Float, Shape = shape } } };
    }
}
