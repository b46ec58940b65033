using System.Collections.Concurrent;
using System.Diagnostics;
using EfficiencyDashboard.Runner.Analysis;
using EfficiencyDashboard.Runner.ModelBuilding;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Runner.Tests.ModelBuilding;

/// <summary>
/// Builds every generated model at most once per test run, and caches one CPU session and one
/// analysis per model, because building and running BERT-base, ViT-B/16 and ResNet-50 dominates
/// the test run on a small machine. Shared by the "Generated models" collection.
/// </summary>
public sealed class GeneratedModelsFixture : IDisposable
{
    private readonly Dictionary<string, Lazy<byte[]>> _models;
    private readonly ConcurrentDictionary<string, TimeSpan> _buildTimes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<InferenceSession>> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<ModelAnalysis>> _analyses = new(StringComparer.Ordinal);

    public GeneratedModelsFixture()
    {
        _models = new(StringComparer.Ordinal)
        {
            ["mobilenet_v2_1.0"] = Timed("mobilenet_v2_1.0", () => GeneratedModels.MobileNetV2(1.0)),
            ["mobilenet_v2_0.5"] = Timed("mobilenet_v2_0.5", () => GeneratedModels.MobileNetV2(0.5)),
            ["resnet18"] = Timed("resnet18", () => GeneratedModels.ResNet(18)),
            ["resnet50"] = Timed("resnet50", () => GeneratedModels.ResNet(50)),
            ["tiny_mlp"] = Timed("tiny_mlp", () => GeneratedModels.TinyMlp()),
            ["vit_b16"] = Timed("vit_b16", () => GeneratedModels.VisionTransformer()),
            ["bert_base"] = Timed("bert_base", () => GeneratedModels.BertEncoder(TransformerConfig.BertBase)),
            ["distilbert"] = Timed("distilbert", () => GeneratedModels.BertEncoder(TransformerConfig.DistilBert)),
            ["minilm_l6"] = Timed("minilm_l6", () => GeneratedModels.BertEncoder(TransformerConfig.MiniLmL6)),
            ["alexnet"] = Timed("alexnet", () => GeneratedModels.AlexNet()),
            ["vgg16"] = Timed("vgg16", () => GeneratedModels.Vgg16()),
            ["lstm_elmo"] = Timed("lstm_elmo", () => GeneratedModels.LstmEncoder()),
        };
    }

    /// <summary>Models with an "input" image (or feature) tensor and a "logits" output.</summary>
    public static IReadOnlyList<string> ImageNames { get; } =
        ["mobilenet_v2_1.0", "mobilenet_v2_0.5", "resnet18", "resnet50", "tiny_mlp", "vit_b16", "alexnet", "vgg16"];

    /// <summary>BERT-style encoders with token inputs.</summary>
    public static IReadOnlyDictionary<string, TransformerConfig> TextConfigs { get; } = new Dictionary<string, TransformerConfig>
    {
        ["bert_base"] = TransformerConfig.BertBase,
        ["distilbert"] = TransformerConfig.DistilBert,
        ["minilm_l6"] = TransformerConfig.MiniLmL6,
    };

    public byte[] Model(string name) => _models[name].Value;

    /// <summary>How long building the model took (only after <see cref="Model"/> built it).</summary>
    public TimeSpan BuildTime(string name) => _buildTimes[name];

    public InferenceSession Session(string name) =>
        _sessions.GetOrAdd(name, n => new Lazy<InferenceSession>(() => new InferenceSession(Model(n)))).Value;

    /// <summary>The analysis at batch 1, text models at their configured sequence length.</summary>
    public ModelAnalysis Analysis(string name) =>
        _analyses.GetOrAdd(name, n => new Lazy<ModelAnalysis>(() => ModelAnalyzer.Analyze(Model(n), 1, InputShapes(n)))).Value;

    private static Dictionary<string, int[]>? InputShapes(string name)
    {
        if (name == "lstm_elmo")
        {
            return new() { ["input_ids"] = [1, 128], ["attention_mask"] = [1, 128] };
        }

        if (!TextConfigs.TryGetValue(name, out var config))
        {
            return null;
        }

        int[] shape = [1, config.SequenceLength];
        return new() { ["input_ids"] = shape, ["attention_mask"] = shape, ["token_type_ids"] = shape };
    }

    private Lazy<byte[]> Timed(string name, Func<byte[]> build) => new(() =>
    {
        var stopwatch = Stopwatch.StartNew();
        var bytes = build();
        _buildTimes[name] = stopwatch.Elapsed;
        return bytes;
    });

    public void Dispose()
    {
        foreach (var session in _sessions.Values.Where(s => s.IsValueCreated))
        {
            session.Value.Dispose();
        }
    }
}
