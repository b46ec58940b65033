namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>The student -> teacher pairs the dashboard knows, with published figures only (no figure is estimated).</summary>
public static class DistillationCatalog
{
    private const string TorchvisionModels = "torchvision model documentation, ImageNet-1K acc@1 of the IMAGENET1K_V1 weights (https://pytorch.org/vision/stable/models.html)";

    /// <summary>Every known pair.</summary>
    public static IReadOnlyList<DistillationPair> Pairs { get; } =
    [
        new("DistilBERT (6 layers, BERT-shaped)", "BERT-base (12 layers)", "distilled from the teacher during pre-training",
            "GLUE score", null, null, 97,
            "Retains 97% of BERT-base's language understanding (GLUE) with 40% fewer parameters and 60% faster inference.",
            "Sanh et al., DistilBERT, a distilled version of BERT, arXiv:1910.01108"),
        new("ResNet-18", "ResNet-50", "smaller sibling; torchvision trains both from scratch, not by distillation",
            "ImageNet top-1 accuracy (%)", 69.758, 76.130, Math.Round(69.758 / 76.130 * 100, 1),
            "The accuracy a distilled ResNet-18 student would start from.",
            TorchvisionModels),
        new("MobileNetV2 0.5", "MobileNetV2 1.0", "smaller width multiplier of the same architecture",
            "ImageNet top-1 accuracy (%)", null, 71.878, null,
            "No published figure in torchvision for width 0.5 (it ships only MobileNetV2 1.0), so no retention is given.",
            TorchvisionModels),
        new("all-MiniLM-L6-v2", "MiniLM-L12-H384-uncased", "itself distilled: MiniLM is trained by deep self-attention distillation",
            "sentence-embedding quality", null, null, null,
            "The 6-layer model keeps every second layer of MiniLM-L12-H384 and is fine-tuned on 1B sentence pairs; no retention figure is cited here.",
            "Wang et al., MiniLM, arXiv:2002.10957; sentence-transformers all-MiniLM-L6-v2 model card"),
    ];

    /// <summary>The pair whose student name contains <paramref name="student"/> (case-insensitive), or null.</summary>
    public static DistillationPair? ForStudent(string student) =>
        Pairs.FirstOrDefault(p => p.Student.Contains(student, StringComparison.OrdinalIgnoreCase));
}
