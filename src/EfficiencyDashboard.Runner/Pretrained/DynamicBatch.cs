using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Runner.Techniques;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;

namespace EfficiencyDashboard.Runner.Pretrained;

/// <summary>
/// Turns a graph exported at batch size 1 (such as ML.NET's pretrained ResNet-18, [1, 3, 224, 224]) into one
/// that takes any batch size, and proves it by running it.
/// </summary>
public static class DynamicBatch
{
    /// <summary>The symbolic name given to the first dimension.</summary>
    public const string DimensionName = "batch";

    private const int VerificationSequenceLength = 16;

    /// <summary>
    /// A copy of the model whose inputs and outputs have a symbolic first dimension "batch" where they fixed it at 1,
    /// with fixed batch dimensions cleared from its value_info. The copy is verified on the CPU: batches of 2 and 4
    /// copies of one seeded sample must give every sample the batch-1 output.
    /// </summary>
    /// <param name="model">A serialised ModelProto whose inputs have batch 1 or a symbolic batch.</param>
    /// <returns>The serialised copy.</returns>
    /// <exception cref="FixedBatchException">
    /// An input fixes a batch other than 1, or the graph mixes samples or keeps a batch of 1 inside (for example a
    /// Reshape to a hard-coded [1, ...]), so larger batches fail or give wrong results.
    /// </exception>
    public static byte[] Make(byte[] model)
    {
        var graph = new ModelGraph(model);
        foreach (var input in graph.FedInputs)
        {
            MakeFirstDimensionSymbolic(input, isInput: true);
        }

        foreach (var output in graph.Graph.Output)
        {
            MakeFirstDimensionSymbolic(output, isInput: false);
        }

        foreach (var value in graph.Graph.ValueInfo)
        {
            // Intermediate shapes recorded at batch 1 would contradict any other batch; ORT re-infers them.
            if (value.Type?.TensorType?.Shape is { Dim.Count: >= 2 } shape && shape.Dim[0].DimValue == 1)
            {
                shape.Dim[0] = new TensorShapeProto.Types.Dimension();
            }
        }

        var bytes = graph.ToBytes();
        Verify(bytes);
        return bytes;
    }

    private static void MakeFirstDimensionSymbolic(ValueInfoProto value, bool isInput)
    {
        if (value.Type?.TensorType?.Shape is not { Dim.Count: > 0 } shape || shape.Dim[0].DimParam.Length > 0)
        {
            return;
        }

        var first = shape.Dim[0];
        if (first.DimValue == 1 || (!isInput && first.DimValue <= 0))
        {
            shape.Dim[0] = new TensorShapeProto.Types.Dimension { DimParam = DimensionName };
        }
        else if (isInput)
        {
            throw new FixedBatchException($"Input '{value.Name}' fixes its first dimension at {first.DimValue}; only graphs exported at batch 1 can be made dynamic.");
        }
    }

    private static void Verify(byte[] model)
    {
        try
        {
            using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
            using var session = new InferenceSession(model, options);
            var shapes = session.InputMetadata.ToDictionary(
                p => p.Key, p => p.Value.Dimensions.Select(d => d > 0 ? d : VerificationSequenceLength).ToArray());
            using var sample = InputTensors.Create(session.InputMetadata, 1, shapes, seed: 11);
            var reference = Run(session, sample.Names, [.. sample.Values]);
            foreach (var batch in new[] { 2, 4 })
            {
                var tiled = sample.Values.Select(v => Tile(v, batch)).ToList();
                try
                {
                    var outputs = Run(session, sample.Names, tiled);
                    Compare(session.OutputNames, reference, outputs, batch);
                }
                finally
                {
                    tiled.ForEach(v => v.Dispose());
                }
            }
        }
        catch (OnnxRuntimeException ex)
        {
            throw new FixedBatchException($"The graph does not run with a batch larger than 1: {ex.Message}", ex);
        }
    }

    private static List<(float[] Values, long[] Shape)> Run(InferenceSession session, IReadOnlyList<string> names, IReadOnlyList<OrtValue> values)
    {
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, names, values, session.OutputNames);
        return [.. outputs.Select(o =>
        {
            var info = o.GetTensorTypeAndShape();
            return (info.ElementDataType == TensorElementType.Float ? o.GetTensorDataAsSpan<float>().ToArray() : [], info.Shape);
        })];
    }

    private static void Compare(IReadOnlyList<string> names, List<(float[] Values, long[] Shape)> reference, List<(float[] Values, long[] Shape)> outputs, int batch)
    {
        for (var o = 0; o < reference.Count; o++)
        {
            var single = reference[o].Values;
            var values = outputs[o].Values;
            if (outputs[o].Shape is not [var first, ..] || first != batch || values.Length != single.Length * batch)
            {
                throw new FixedBatchException(
                    $"Output '{names[o]}' is [{string.Join(", ", outputs[o].Shape)}] at batch {batch}, not {batch} samples of {single.Length} values: " +
                    "the graph keeps a batch of 1 inside (for example a Reshape to a hard-coded [1, ...]).");
            }

            var scale = 1 + single.Select(Math.Abs).DefaultIfEmpty(0).Max();
            for (var i = 0; i < values.Length; i++)
            {
                if (Math.Abs(values[i] - single[i % single.Length]) > 1e-3 * scale)
                {
                    throw new FixedBatchException(
                        $"Output '{names[o]}' of sample {i / single.Length} at batch {batch} differs from the batch-1 output: the graph mixes samples across the batch.");
                }
            }
        }
    }

    private static OrtValue Tile(OrtValue value, int batch)
    {
        var info = value.GetTensorTypeAndShape();
        long[] shape = [batch, .. info.Shape.Skip(1)];
        return info.ElementDataType switch
        {
            TensorElementType.Float => OrtValue.CreateTensorValueFromMemory(Repeat(value.GetTensorDataAsSpan<float>(), batch), shape),
            TensorElementType.Int64 => OrtValue.CreateTensorValueFromMemory(Repeat(value.GetTensorDataAsSpan<long>(), batch), shape),
            TensorElementType.Int32 => OrtValue.CreateTensorValueFromMemory(Repeat(value.GetTensorDataAsSpan<int>(), batch), shape),
            var type => throw new FixedBatchException($"Inputs of type {type} cannot be generated to verify the batch."),
        };
    }

    private static T[] Repeat<T>(ReadOnlySpan<T> sample, int times)
    {
        var values = new T[sample.Length * times];
        for (var i = 0; i < times; i++)
        {
            sample.CopyTo(values.AsSpan(i * sample.Length));
        }

        return values;
    }
}
