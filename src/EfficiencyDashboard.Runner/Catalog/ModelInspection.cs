using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Runner.ModelBuilding;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EfficiencyDashboard.Runner.Catalog;

/// <summary>What ONNX Runtime and the graph say about a model file: its signature and parameter count.</summary>
public sealed record ModelInspection(IReadOnlyList<TensorSignature> Inputs, IReadOnlyList<TensorSignature> Outputs, long ParameterCount, long FileSizeBytes)
{
    /// <summary>Opens the model in a CPU session (which validates it) and reads its signature and weights.</summary>
    public static ModelInspection Of(string path)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL };
            using var session = new InferenceSession(bytes, options);
            return new ModelInspection(
                Signatures(session.InputMetadata), Signatures(session.OutputMetadata), ModelParameters.CountParameters(bytes), bytes.LongLength);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new RunnerException($"ONNX Runtime could not load '{Path.GetFileName(path)}': {ex.Message}", ex);
        }
    }

    private static List<TensorSignature> Signatures(IReadOnlyDictionary<string, NodeMetadata> metadata) =>
        [.. metadata.Select(pair => new TensorSignature(
            pair.Key,
            pair.Value.IsTensor ? ElementTypeName(pair.Value.ElementDataType) : pair.Value.OnnxValueType.ToString(),
            pair.Value.IsTensor ? pair.Value.Dimensions : [],
            pair.Value.IsTensor ? pair.Value.SymbolicDimensions : []))];

    private static string ElementTypeName(TensorElementType type) => type switch
    {
        TensorElementType.Float => "float32",
        TensorElementType.Float16 => "float16",
        TensorElementType.Double => "float64",
        TensorElementType.Int64 => "int64",
        TensorElementType.Int32 => "int32",
        TensorElementType.Int8 => "int8",
        TensorElementType.UInt8 => "uint8",
        TensorElementType.Bool => "bool",
        _ => type.ToString().ToLowerInvariant(),
    };
}
