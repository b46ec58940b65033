using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Reports.Claims;
using EfficiencyDashboard.Web.Reports.AlgorithmReport;
using EfficiencyDashboard.Web.Reports.Measured;

namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>
/// Which of this install's runs bear on each claim, and how they are compared: both sides share the machine, the
/// execution provider as run, the batch size, the scenario and the input shapes, and each side is the geometric mean of its
/// counted runs there (VALID ones by default). Server runs are left out (their throughput is the offered rate). The gain is
/// throughput (samples/s), since energy is not measured on every host.
/// </summary>
public static class MeasuredRules
{
    /// <summary>The rule of each claim, in words, for the page and the API.</summary>
    public static string Describe(Claim claim) => claim.Id switch
    {
        var id when id == ArticleClaims.Quantization.Id =>
            "Throughput of each int8-dynamic or int8-static variant / throughput of its parent, same machine, provider as run, batch size, scenario and inputs (as on the algorithms page).",
        var id when id == ArticleClaims.Pruning.Id =>
            "Throughput of each pruned-structured variant / throughput of its parent, same setting. Unstructured pruning is excluded: it zeroes weights but keeps the dense compute, so only sparse kernels (not used here) could gain.",
        var id when id == ArticleClaims.Distillation.Id =>
            "Throughput of each distilled student / throughput of its teacher, same setting.",
        var id when id == ArticleClaims.MobileNet.Id =>
            "Throughput of each MobileNet / throughput of each older image classifier (ResNet, VGG, AlexNet) whose published ImageNet top-1 is at most the MobileNet's, same setting. Pairs against more accurate models are shown as throughput only and not counted.",
        var id when id == ArticleClaims.ResNet.Id =>
            "Throughput of each ResNet / throughput of each pre-ResNet network (VGG-16, AlexNet) whose published ImageNet top-1 is at most the ResNet's, same setting. ResNet-18 against ResNet-50 measures depth, not the architecture.",
        var id when id == ArticleClaims.Transformer.Id =>
            "Throughput of each Transformer text encoder / throughput of the pre-Transformer LSTM encoder (ELMo's size), same setting and sequence length, when the Transformer's published GLUE score is at least the LSTM's. ViT is left out: it competes with CNNs, not with recurrent networks.",
        var id when id == ArticleClaims.OverallTwoYears.Id =>
            "Measured only when this install's runs span two years: the best VALID samples per joule of a task today / two years ago, per energy scope. Otherwise reference only.",
        var id when id == ArticleClaims.GpuTable.Id =>
            "Reference only: the table is checked row by row against the accelerator datasheets.",
        _ => "No measured rule.",
    };

    /// <summary>The comparisons that bear on <paramref name="claim"/>, counted or shown as throughput only.</summary>
    public static IReadOnlyList<MeasuredComparison> Select(Claim claim, IReadOnlyList<AlgorithmComparison> algorithms, MeasuredSettings measured)
    {
        List<MeasuredComparison> Where(Func<AlgorithmComparison, bool> rule) => [.. algorithms.Where(rule).Select(MeasuredComparison.From)];
        return claim.Id switch
        {
            var id when id == ArticleClaims.Quantization.Id => Where(c => !c.IsDistillation && c.Variant.Technique is Technique.Int8Dynamic or Technique.Int8Static),
            var id when id == ArticleClaims.Pruning.Id => Where(c => !c.IsDistillation && c.Variant.Technique == Technique.PrunedStructured),
            var id when id == ArticleClaims.Distillation.Id => Where(c => c.IsDistillation),
            _ => ArchitectureComparisons.For(claim, measured),
        };
    }
}
