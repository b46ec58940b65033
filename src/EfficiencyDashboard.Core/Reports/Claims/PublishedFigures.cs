namespace EfficiencyDashboard.Core.Reports.Claims;

/// <summary>
/// Published figures that bear on the article's claims, with their sources, as data/reference/SOURCES.md cites them.
/// Reference evidence: never mixed up with measured runs.
/// </summary>
public static class PublishedFigures
{
    private const string PyTorchQuantization = "pytorch.org, Introduction to quantization on PyTorch";
    private const string TensorRtBert = "NVIDIA/TensorRT demo/BERT README";

    /// <summary>Speed-ups of INT8 quantization over the unquantized model.</summary>
    public static IReadOnlyList<Evidence> Quantization { get; } =
    [
        Evidence.Reference(1.8, PyTorchQuantization, "PyTorch INT8 dynamic quantization of BERT on CPU: 1.8x faster."),
        Evidence.Reference(2.0, PyTorchQuantization, "PyTorch INT8 static quantization of ResNet-50 on CPU: 2.0x faster."),
        Evidence.Reference(1.16, TensorRtBert, "TensorRT INT8 against FP16, BERT-base, sequence 128, batch 1, A100: 1.16x."),
        Evidence.Reference(1.97, TensorRtBert, "TensorRT INT8 against FP16, BERT-base, sequence 128, batch 128, A100: 1.97x."),
    ];

    /// <summary>Speed-up of a distilled student over its teacher.</summary>
    public static IReadOnlyList<Evidence> Distillation { get; } =
    [
        Evidence.Reference(1.6, "arXiv 1910.01108 (DistilBERT)", "DistilBERT: 60% faster than BERT-base (1.6x), 40% smaller, 97% of its GLUE score."),
    ];

    /// <summary>Published hardware trends, over two years at their yearly rate.</summary>
    public static IReadOnlyList<Evidence> HardwareTrends { get; } =
    [
        Evidence.Reference(1.29 * 1.29, "Epoch AI, ML hardware data (Jan 2025)", "ML hardware FP16 performance +29%/yr: 1.66x over two years."),
        Evidence.Reference(1.40 * 1.40, "Stanford AI Index 2025", "ML hardware energy efficiency +40%/yr: 1.96x over two years."),
    ];
}
