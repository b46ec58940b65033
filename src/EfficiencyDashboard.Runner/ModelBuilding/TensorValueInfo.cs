using Onnx;

namespace EfficiencyDashboard.Runner.ModelBuilding;

/// <summary>Typed ValueInfoProto declarations for graph inputs and outputs.</summary>
internal static class TensorValueInfo
{
    public static ValueInfoProto Create(string name, TensorProto.Types.DataType elementType, IEnumerable<ShapeDimension> dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim.SymbolicName is { } symbol
                ? new TensorShapeProto.Types.Dimension { DimParam = symbol }
                : new TensorShapeProto.Types.Dimension { DimValue = dim.Size });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)elementType, Shape = shape } },
        };
    }
}
