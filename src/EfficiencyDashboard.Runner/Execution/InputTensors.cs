using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EfficiencyDashboard.Runner.Execution;

/// <summary>
/// Pre-allocated, seeded inputs for every graph input, created once and reused by every query.
/// Floats are uniform in [-1, 1] (the range of normalised images); integer inputs named like masks are 1,
/// like token types 0, other integers (token ids) uniform in [0, 100).
/// </summary>
public sealed class InputTensors : IDisposable
{
    private readonly List<OrtValue> _values = [];

    private InputTensors(IReadOnlyList<string> names) => Names = names;

    public IReadOnlyList<string> Names { get; }

    public IReadOnlyList<OrtValue> Values => _values;

    public static InputTensors Create(
        IReadOnlyDictionary<string, NodeMetadata> inputs, int batchSize, IReadOnlyDictionary<string, int[]>? shapes, int seed)
    {
        var tensors = new InputTensors([.. inputs.Keys]);
        var random = new Random(seed);
        try
        {
            foreach (var (name, metadata) in inputs)
            {
                var shape = ShapeOf(name, metadata, batchSize, shapes);
                tensors._values.Add(CreateValue(name, metadata.ElementDataType, shape, random));
            }
        }
        catch
        {
            tensors.Dispose();
            throw;
        }

        return tensors;
    }

    /// <summary>Inputs from given values (for example tokenized sentences), in the order the session lists its inputs.</summary>
    public static InputTensors From(IReadOnlyDictionary<string, NodeMetadata> inputs, Inputs.InputBatch batch)
    {
        var tensors = new InputTensors([.. inputs.Keys]);
        try
        {
            foreach (var name in inputs.Keys)
            {
                var tensor = batch.Tensors.FirstOrDefault(t => t.Name == name)
                    ?? throw new RunnerException($"The prepared inputs have no tensor for input '{name}'.");
                tensors._values.Add(tensor.ToOrtValue());
            }
        }
        catch
        {
            tensors.Dispose();
            throw;
        }

        return tensors;
    }

    /// <summary>The concrete shape of an input: the batch size first, dynamic dimensions from <paramref name="shapes"/>.</summary>
    public static long[] ShapeOf(string name, NodeMetadata metadata, int batchSize, IReadOnlyDictionary<string, int[]>? shapes)
    {
        if (!metadata.IsTensor)
        {
            throw new RunnerException($"Input '{name}' is not a tensor; only tensor inputs can be fed.");
        }

        var dims = metadata.Dimensions;
        var given = shapes is not null && shapes.TryGetValue(name, out var s) ? s : null;
        var shape = new long[dims.Length];
        for (var i = 0; i < dims.Length; i++)
        {
            shape[i] = i == 0 ? batchSize : dims[i] >= 0 ? dims[i] : given is not null && i < given.Length ? given[i] : -1;
            if (shape[i] < 1)
            {
                throw new RunnerException(
                    $"Input '{name}' dimension {i} ('{metadata.SymbolicDimensions.ElementAtOrDefault(i)}') is dynamic: give its value in inputShapes.");
            }
        }

        if (dims.Length > 0 && dims[0] >= 0 && dims[0] != batchSize)
        {
            throw new RunnerException($"Input '{name}' fixes the batch size at {dims[0]}; batch size {batchSize} cannot be fed.");
        }

        return shape;
    }

    private static OrtValue CreateValue(string name, TensorElementType type, long[] shape, Random random)
    {
        var count = checked((int)shape.Aggregate(1L, (a, b) => a * b));
        var lower = name.ToLowerInvariant();
        long IntegerValue() => lower.Contains("mask") ? 1 : lower.Contains("type") ? 0 : random.Next(0, 100);
        return type switch
        {
            TensorElementType.Float => OrtValue.CreateTensorValueFromMemory(Fill(count, () => (float)(random.NextDouble() * 2 - 1)), shape),
            TensorElementType.Double => OrtValue.CreateTensorValueFromMemory(Fill(count, () => random.NextDouble() * 2 - 1), shape),
            TensorElementType.Float16 => OrtValue.CreateTensorValueFromMemory(Fill(count, () => (Float16)(float)(random.NextDouble() * 2 - 1)), shape),
            TensorElementType.Int64 => OrtValue.CreateTensorValueFromMemory(Fill(count, IntegerValue), shape),
            TensorElementType.Int32 => OrtValue.CreateTensorValueFromMemory(Fill(count, () => (int)IntegerValue()), shape),
            TensorElementType.Bool => OrtValue.CreateTensorValueFromMemory(Fill(count, () => true), shape),
            _ => throw new RunnerException($"Input '{name}' has element type {type}, which the runner cannot generate yet."),
        };
    }

    private static T[] Fill<T>(int count, Func<T> next)
    {
        var values = new T[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = next();
        }

        return values;
    }

    public void Dispose()
    {
        foreach (var value in _values)
        {
            value.Dispose();
        }

        _values.Clear();
    }
}
