using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Runner.Inputs;

/// <summary>One named input of a batch: its shape and its values (float[] or long[]), in row-major order.</summary>
/// <param name="Name">The graph input it feeds.</param>
/// <param name="Shape">The tensor's shape; the first dimension is the batch.</param>
/// <param name="Values">A float[] or long[] holding the product of <paramref name="Shape"/> elements.</param>
public sealed record InputTensor(string Name, long[] Shape, Array Values)
{
    /// <summary>An ONNX Runtime value over <see cref="Values"/> (no copy); dispose it after the run.</summary>
    public OrtValue ToOrtValue() => Values switch
    {
        float[] floats => OrtValue.CreateTensorValueFromMemory(floats, Shape),
        long[] longs => OrtValue.CreateTensorValueFromMemory(longs, Shape),
        _ => throw new NotSupportedException($"Input '{Name}' holds {Values.GetType().Name}; only float[] and long[] are fed."),
    };
}
