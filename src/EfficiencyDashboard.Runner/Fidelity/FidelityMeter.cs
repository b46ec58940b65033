using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Runner.Inputs;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EfficiencyDashboard.Runner.Fidelity;

/// <summary>Measures a variant's fidelity to its parent by running both on the CPU on the same calibration batches.</summary>
public static class FidelityMeter
{
    /// <summary>Compares the parent's first output with the variant's output of the same name, batch by batch.</summary>
    /// <param name="parentModel">The parent's serialised ModelProto.</param>
    /// <param name="variantModel">The variant's serialised ModelProto, with the same inputs and outputs.</param>
    /// <param name="inputs">The batches both are run on; a text set makes the metrics use mean-pooled sentence embeddings.</param>
    /// <param name="inputsDescription">What the batches hold, in words, for the report (for example "procedural images, ImageNet normalisation").</param>
    /// <param name="measuredAtUtc">When the comparison ran; now when not given.</param>
    /// <exception cref="FidelityException">Either model cannot run on the CPU, or their outputs do not correspond.</exception>
    public static FidelityReport Compare(
        byte[] parentModel, byte[] variantModel, CalibrationSet inputs, string? inputsDescription = null, DateTime? measuredAtUtc = null)
    {
        using var parent = Open(parentModel, "parent");
        using var variant = Open(variantModel, "variant");
        var outputName = parent.OutputNames[0];
        if (!variant.OutputNames.Contains(outputName))
        {
            throw new FidelityException($"The variant has no output '{outputName}' to compare with the parent's.");
        }

        var accumulator = new FidelityAccumulator();
        foreach (var batch in inputs.Batches)
        {
            var (expected, shape) = Run(parent, batch, outputName, "parent");
            var (actual, variantShape) = Run(variant, batch, outputName, "variant");
            if (!shape.SequenceEqual(variantShape))
            {
                throw new FidelityException(
                    $"Output '{outputName}' is [{string.Join(", ", shape)}] for the parent but [{string.Join(", ", variantShape)}] for the variant.");
            }

            accumulator.AddErrors(expected, actual);
            var samples = (int)shape[0];
            if (inputs.Kind == InputKind.Text && shape.Length == 3)
            {
                // Text embedders are compared as sentence-transformers uses them: mean-pooled, normalised embeddings.
                var mask = (long[])batch.Tensors.First(t => t.Name.Contains("mask", StringComparison.OrdinalIgnoreCase)).Values;
                accumulator.AddEmbeddings(
                    SentenceEmbedding.MeanPool(expected, mask, samples, (int)shape[1]),
                    SentenceEmbedding.MeanPool(actual, mask, samples, (int)shape[1]));
            }
            else
            {
                accumulator.AddSamples(expected, actual, samples, classifier: inputs.Kind != InputKind.Text && shape.Length == 2 && shape[1] >= 2);
            }
        }

        return accumulator.Report(
            $"{inputs.SampleCount} samples of {inputsDescription ?? inputs.Kind.ToString().ToLowerInvariant() + " inputs"}, not used for calibration; output '{outputName}'",
            measuredAtUtc ?? DateTime.UtcNow);
    }

    private static InferenceSession Open(byte[] model, string role)
    {
        try
        {
            using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
            return new InferenceSession(model, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new FidelityException($"The {role} cannot run on ONNX Runtime's CPU provider, so its fidelity cannot be measured here: {ex.Message}", ex);
        }
    }

    private static (float[] Values, long[] Shape) Run(InferenceSession session, InputBatch batch, string outputName, string role)
    {
        var values = batch.Tensors.Select(t => t.ToOrtValue()).ToList();
        try
        {
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, [.. batch.Tensors.Select(t => t.Name)], values, [outputName]);
            var info = outputs[0].GetTensorTypeAndShape();
            if (info.ElementDataType != TensorElementType.Float)
            {
                throw new FidelityException($"Output '{outputName}' of the {role} is {info.ElementDataType}, not float32.");
            }

            return (outputs[0].GetTensorDataAsSpan<float>().ToArray(), info.Shape);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new FidelityException($"The {role} failed to run on the CPU: {ex.Message}", ex);
        }
        finally
        {
            values.ForEach(v => v.Dispose());
        }
    }
}
