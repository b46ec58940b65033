using EfficiencyDashboard.Runner.Techniques;
using Onnx;

namespace EfficiencyDashboard.Runner.Inputs;

/// <summary>
/// A fixed list of input batches for one model, with real-looking data chosen from its input signature:
/// tokenized sentences for text models, procedural images for image models. Int8-static calibration
/// collects activation ranges on it, and fidelity compares parent and variant on it.
/// </summary>
public sealed class CalibrationSet
{
    /// <summary>Wraps batches made elsewhere.</summary>
    public CalibrationSet(InputKind kind, IReadOnlyList<InputBatch> batches)
    {
        if (batches.Count == 0)
        {
            throw new ArgumentException("A calibration set needs at least one batch.", nameof(batches));
        }

        Kind = kind;
        Batches = batches;
    }

    /// <summary>What the batches hold.</summary>
    public InputKind Kind { get; }

    /// <summary>The batches, in a fixed order.</summary>
    public IReadOnlyList<InputBatch> Batches { get; }

    /// <summary>Samples over all batches.</summary>
    public int SampleCount => Batches.Sum(b => b.BatchSize);

    /// <summary>
    /// Builds <paramref name="batchCount"/> batches of <paramref name="batchSize"/> samples for the model's inputs.
    /// Int64 inputs mean text (token ids, attention mask, token types); one float input [N, 3, H, W] means images;
    /// any other float inputs get seeded normal features. Sample i is the same for every model and every run.
    /// </summary>
    /// <exception cref="ArgumentException">A text model is given without a vocabulary and sentences, or an input type is unsupported.</exception>
    public static CalibrationSet For(byte[] model, int batchCount, int batchSize, CalibrationOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        options ??= new CalibrationOptions();
        var inputs = new ModelGraph(model).FedInputs.ToList();
        var kind = KindOf(inputs);
        if (inputs.Select(i => FixedDim(i, 0, batchSize)).FirstOrDefault(b => b != batchSize) is > 0 and var fixedBatch)
        {
            throw new ArgumentException(
                $"The model fixes its batch size at {fixedBatch}, so batches of {batchSize} cannot be fed: make its batch dynamic first (DynamicBatch.Make) or use batch size {fixedBatch}.");
        }

        var batches = new List<InputBatch>(batchCount);
        switch (kind)
        {
            case InputKind.Text:
                if (options.VocabPath is null || options.SentencesPath is null)
                {
                    throw new ArgumentException("A text model needs a vocabulary (vocab.txt) and a sentence file for its inputs.");
                }

                var text = TextInputs.Load(options.VocabPath, options.SentencesPath, options.SequenceLength);
                for (var b = 0; b < batchCount; b++)
                {
                    batches.Add(text.Batch(inputs.Select(i => i.Name), batchSize, b * batchSize));
                }

                break;
            case InputKind.Image:
                var (height, width) = ((int)FixedDim(inputs[0], 2, 224), (int)FixedDim(inputs[0], 3, 224));
                for (var b = 0; b < batchCount; b++)
                {
                    batches.Add(new InputBatch([ImageInputs.Batch(inputs[0].Name, batchSize, b * batchSize, height, width, options.Normalization)]));
                }

                break;
            default:
                var random = new Random(17);
                for (var b = 0; b < batchCount; b++)
                {
                    batches.Add(new InputBatch([.. inputs.Select(i => Features(i, batchSize, random))]));
                }

                break;
        }

        return new CalibrationSet(kind, batches);
    }

    private static InputKind KindOf(List<ValueInfoProto> inputs)
    {
        var types = inputs.Select(i => i.Type?.TensorType?.ElemType ?? 0).ToList();
        if (types.Any(t => t == TensorData.Int64 || t == TensorData.Int32))
        {
            return InputKind.Text;
        }

        if (types.Any(t => t != TensorData.Float))
        {
            throw new ArgumentException("Only float32 and int64 model inputs can be given real data.");
        }

        var dims = inputs[0].Type.TensorType.Shape?.Dim;
        return inputs.Count == 1 && dims is { Count: 4 } && dims[1].DimValue == 3 ? InputKind.Image : InputKind.Features;
    }

    private static long FixedDim(ValueInfoProto input, int index, long fallback)
    {
        var dims = input.Type.TensorType.Shape?.Dim;
        return dims is not null && index < dims.Count && dims[index].DimValue > 0 ? dims[index].DimValue : fallback;
    }

    private static InputTensor Features(ValueInfoProto input, int batchSize, Random random)
    {
        var dims = input.Type.TensorType.Shape?.Dim ?? throw new ArgumentException($"Input '{input.Name}' has no shape.");
        long[] shape = [batchSize, .. dims.Skip(1).Select(d => d.DimValue > 0
            ? d.DimValue
            : throw new ArgumentException($"Input '{input.Name}' has a dynamic feature dimension; its size is unknown."))];
        var values = new float[shape.Aggregate(1L, (a, b) => a * b)];
        for (var i = 0; i < values.Length; i++)
        {
            // Box-Muller: standard normal features.
            values[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        return new InputTensor(input.Name, shape, values);
    }
}
