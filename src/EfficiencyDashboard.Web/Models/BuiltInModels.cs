using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Runner.ModelBuilding;

namespace EfficiencyDashboard.Web.Models;

/// <summary>The catalog of a fresh install.</summary>
public static class BuiltInModels
{
    public const int Seed = 42;

    /// <summary>Where the build puts the pretrained ResNet-18 taken from its NuGet package.</summary>
    public static string PretrainedResNet18Source => Path.Combine(AppContext.BaseDirectory, "pretrained", "ResNet18.onnx");

    public static IReadOnlyList<BuiltInModel> All { get; } =
    [
        new("mobilenetv2-1.0-generated", "MobileNetV2 1.0 (generated)", ModelFamily.MobileNet, "image classification", ModelSource.Generated,
            $"Built in C# with torchvision's MobileNetV2 (width 1.0) architecture and seeded random weights (seed {Seed}): measures speed, not accuracy.",
            "models/generated/mobilenetv2-1.0.onnx", path => Write(path, GeneratedModels.MobileNetV2(1.0, Seed))),
        new("resnet18-generated", "ResNet-18 (generated)", ModelFamily.ResNet, "image classification", ModelSource.Generated,
            $"Built in C# with torchvision's ResNet-18 architecture and seeded random weights (seed {Seed}): measures speed, not accuracy.",
            "models/generated/resnet18.onnx", path => Write(path, GeneratedModels.ResNet(18, Seed))),
        new("resnet18-pretrained", "ResNet-18 (pretrained)", ModelFamily.ResNet, "image features", ModelSource.PretrainedPackage,
            "Pretrained ResNet-18 from the NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1 (ML.NET image featurizer); " +
            "outputs the 512-value pooled feature vector; its graph fixes the batch at 1. It is CNTK's ResNet-18 variant, " +
            "whose wider last stage holds 15.9 M parameters (torchvision's ResNet-18 has 11.7 M).",
            "models/pretrained/resnet18.onnx", CopyPretrainedResNet18),
    ];

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
