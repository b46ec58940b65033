using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>Reads and writes the element data of ONNX initializers, whichever field the producer stored it in.</summary>
internal static class TensorData
{
    public const int Float = (int)TensorProto.Types.DataType.Float;
    public const int Float16 = (int)TensorProto.Types.DataType.Float16;
    public const int Int64 = (int)TensorProto.Types.DataType.Int64;
    public const int Int32 = (int)TensorProto.Types.DataType.Int32;
    public const int Int8 = (int)TensorProto.Types.DataType.Int8;
    public const int UInt8 = (int)TensorProto.Types.DataType.Uint8;

    public static long ElementCount(TensorProto tensor) => tensor.Dims.Aggregate(1L, (count, dim) => count * dim);

    public static float[] ReadFloats(TensorProto tensor)
    {
        RequireEmbedded(tensor);
        if (tensor.DataType != Float)
        {
            throw new InvalidOperationException($"Tensor '{tensor.Name}' has element type {tensor.DataType}, not float.");
        }

        return tensor.RawData.Length > 0
            ? MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray()
            : [.. tensor.FloatData];
    }

    public static long[] ReadInt64s(TensorProto tensor)
    {
        RequireEmbedded(tensor);
        return tensor.DataType switch
        {
            Int64 when tensor.RawData.Length > 0 => MemoryMarshal.Cast<byte, long>(tensor.RawData.Span).ToArray(),
            Int64 => [.. tensor.Int64Data],
            Int32 when tensor.RawData.Length > 0 => [.. MemoryMarshal.Cast<byte, int>(tensor.RawData.Span).ToArray().Select(v => (long)v)],
            Int32 => [.. tensor.Int32Data.Select(v => (long)v)],
            _ => throw new InvalidOperationException($"Tensor '{tensor.Name}' has element type {tensor.DataType}, not an integer."),
        };
    }

    public static TensorProto Floats(string name, ReadOnlySpan<float> values, params long[] dims) =>
        Raw(name, Float, MemoryMarshal.AsBytes(values), dims);

    public static TensorProto Int64s(string name, ReadOnlySpan<long> values, params long[] dims) =>
        Raw(name, Int64, MemoryMarshal.AsBytes(values), dims);

    public static TensorProto Int32s(string name, ReadOnlySpan<int> values, params long[] dims) =>
        Raw(name, Int32, MemoryMarshal.AsBytes(values), dims);

    public static TensorProto Int8s(string name, ReadOnlySpan<sbyte> values, params long[] dims) =>
        Raw(name, Int8, MemoryMarshal.AsBytes(values), dims);

    public static TensorProto UInt8s(string name, ReadOnlySpan<byte> values, params long[] dims) =>
        Raw(name, UInt8, values, dims);

    /// <summary>
    /// Float16 copy of float values, clamped to the finite float16 range: a float32 "minus infinity"
    /// mask constant such as -3.4e38 must stay a large negative number, not become -inf (and NaN after 0 * -inf).
    /// </summary>
    public static TensorProto Float16s(string name, ReadOnlySpan<float> values, params long[] dims)
    {
        var halves = new Half[values.Length];
        var max = (float)Half.MaxValue;
        for (var i = 0; i < values.Length; i++)
        {
            halves[i] = (Half)Math.Clamp(values[i], -max, max);
        }

        return Raw(name, Float16, MemoryMarshal.AsBytes(halves.AsSpan()), dims);
    }

    private static TensorProto Raw(string name, int dataType, ReadOnlySpan<byte> bytes, long[] dims)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX raw_data is little-endian; model techniques need a little-endian host.");
        }

        var tensor = new TensorProto { Name = name, DataType = dataType, RawData = ByteString.CopyFrom(bytes) };
        tensor.Dims.AddRange(dims);
        return tensor;
    }

    private static void RequireEmbedded(TensorProto tensor)
    {
        if (tensor.DataLocation == TensorProto.Types.DataLocation.External)
        {
            throw new TechniqueNotApplicableException(
                $"Tensor '{tensor.Name}' keeps its data in an external file; only self-contained models can be transformed.");
        }
    }
}
