namespace EfficiencyDashboard.Core.Reports.Claims;

/// <summary>The claims of the article the product was born from, as data.</summary>
public static class ArticleClaims
{
    /// <summary>"Inference efficiency rose 200% in two years": 3x.</summary>
    public static Claim OverallTwoYears { get; } = new("overall-two-years",
        "Inference efficiency rose 200% in two years.", ClaimTopic.Overall, 3, 3);

    /// <summary>
    /// The article's GPU table, read as the gain it implies: peak compute from 15 TFLOPS (V100, "2020") to 60 (H100,
    /// "2022"), 4x in two years. <see cref="GpuTableClaim"/> checks its rows one by one against the datasheets.
    /// </summary>
    public static Claim GpuTable { get; } = new("hardware-gpu-table",
        "GPUs drove the gain: V100 15 TFLOPS (2020), A100 30 (2021), H100 60 (2022).", ClaimTopic.Hardware, 4, 4);

    /// <summary>Quantization: 2-3x.</summary>
    public static Claim Quantization { get; } = new("algorithm-quantization", "Quantization: 2-3x.", ClaimTopic.Algorithm, 2, 3);

    /// <summary>Pruning: 1.5-2x.</summary>
    public static Claim Pruning { get; } = new("algorithm-pruning", "Pruning: 1.5-2x.", ClaimTopic.Algorithm, 1.5, 2);

    /// <summary>Knowledge distillation: 1.2-1.5x.</summary>
    public static Claim Distillation { get; } = new("algorithm-distillation", "Knowledge distillation: 1.2-1.5x.", ClaimTopic.Algorithm, 1.2, 1.5);

    /// <summary>Transformers: 1.5-2x.</summary>
    public static Claim Transformer { get; } = new("architecture-transformer", "Transformers: 1.5-2x.", ClaimTopic.Architecture, 1.5, 2);

    /// <summary>ResNet: 1.2-1.5x.</summary>
    public static Claim ResNet { get; } = new("architecture-resnet", "ResNet: 1.2-1.5x.", ClaimTopic.Architecture, 1.2, 1.5);

    /// <summary>MobileNet: 2-3x.</summary>
    public static Claim MobileNet { get; } = new("architecture-mobilenet", "MobileNet: 2-3x.", ClaimTopic.Architecture, 2, 3);

    /// <summary>Every claim, overall first.</summary>
    public static IReadOnlyList<Claim> All { get; } = [OverallTwoYears, GpuTable, Quantization, Pruning, Distillation, Transformer, ResNet, MobileNet];
}
