namespace EfficiencyDashboard.Runner.Analysis;

/// <summary>Names for ONNX tensor element types, the same words the catalog shows ("float32", "int64").</summary>
internal static class OnnxElementTypes
{
    /// <summary>The name of an ONNX TensorProto.DataType value, which ONNX Runtime's TensorElementType also uses.</summary>
    public static string Name(int dataType) => dataType switch
    {
        1 => "float32",
        2 => "uint8",
        3 => "int8",
        4 => "uint16",
        5 => "int16",
        6 => "int32",
        7 => "int64",
        8 => "string",
        9 => "bool",
        10 => "float16",
        11 => "float64",
        12 => "uint32",
        13 => "uint64",
        16 => "bfloat16",
        _ => $"type{dataType}",
    };

    public static bool IsInteger(string name) => name is "int64" or "int32" or "int16" or "int8" or "uint8" or "uint16" or "uint32" or "uint64";
}
