using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Reports.Claims;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Reports.AlgorithmReport;

namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>
/// Which of this install's runs bear on each claim, and how they are compared: as on the algorithms page, both sides
/// share the machine, execution provider, batch size, scenario and input shapes, and each side is its latest
/// <see cref="RunFigures.MaxRunsPerGroup"/> succeeded runs in that setting. Server runs are left out (their throughput is
/// the offered rate, not the model's). The gain is throughput (samples/s), since energy is not measured on every host.
/// </summary>
public static class MeasuredRules
{
    /// <summary>The rule of each claim, in words, for the page and the API.</summary>
    public static string Describe(Claim claim) => claim.Id switch
    {
        var id when id == ArticleClaims.Quantization.Id =>
            "Throughput of each int8-dynamic or int8-static variant / throughput of its parent, same machine, provider, batch size, scenario and inputs (latest 30 runs a side, as on the algorithms page).",
        var id when id == ArticleClaims.Pruning.Id =>
            "Throughput of each pruned-structured variant / throughput of its parent, same setting. Unstructured pruning is excluded: it zeroes weights but keeps the dense compute, so only sparse kernels (not used here) could gain.",
        var id when id == ArticleClaims.Distillation.Id =>
            "Throughput of each distilled student / throughput of its teacher, same setting.",
        var id when id == ArticleClaims.MobileNet.Id =>
            "Throughput of the fastest MobileNet / throughput of a ResNet-50, both image classifiers of the catalog, same setting.",
        var id when id == ArticleClaims.ResNet.Id =>
            "No measured evidence: the gain ResNet brought was over earlier networks (VGG, AlexNet), none of which is in the catalog; ResNet-18 against ResNet-50 measures depth, not the architecture.",
        var id when id == ArticleClaims.Transformer.Id =>
            "No measured evidence: the gain is over recurrent networks (LSTM), none of which is in the catalog; a compact Transformer against BERT-base is the distillation claim's evidence, not this one's.",
        var id when id == ArticleClaims.OverallTwoYears.Id =>
            "Measured only when this install's runs span two years: the best measured samples per joule of a task today / two years ago. Otherwise reference only.",
        var id when id == ArticleClaims.GpuTable.Id =>
            "Reference only: the table is checked row by row against the accelerator datasheets.",
        _ => "No measured rule.",
    };

    /// <summary>The task of the image classifiers the architecture claims compare.</summary>
    public const string ImageClassification = "image classification";

    /// <summary>
    /// The comparisons that bear on <paramref name="claim"/>: of the algorithms page's comparisons outside the Server
    /// scenario, or of the MobileNet against ResNet-50 comparisons (<paramref name="architectures"/>).
    /// </summary>
    public static IReadOnlyList<MeasuredComparison> Select(
        Claim claim, IReadOnlyList<AlgorithmComparison> algorithms, IReadOnlyList<MeasuredComparison> architectures)
    {
        List<MeasuredComparison> Where(Func<AlgorithmComparison, bool> rule) =>
            [.. algorithms.Where(c => c.Setting.Scenario != Scenario.Server && rule(c)).Select(MeasuredComparison.From)];
        return claim.Id switch
        {
            var id when id == ArticleClaims.Quantization.Id => Where(c => !c.IsDistillation && c.Variant.Technique is Technique.Int8Dynamic or Technique.Int8Static),
            var id when id == ArticleClaims.Pruning.Id => Where(c => !c.IsDistillation && c.Variant.Technique == Technique.PrunedStructured),
            var id when id == ArticleClaims.Distillation.Id => Where(c => c.IsDistillation),
            var id when id == ArticleClaims.MobileNet.Id => architectures,
            _ => [],
        };
    }

    /// <summary>Whether an image classifier is a ResNet-50, by family and name or catalog key.</summary>
    public static bool IsResNet50(Model model) =>
        model.Family == ModelFamily.ResNet &&
        (model.Name.Contains("ResNet-50", StringComparison.OrdinalIgnoreCase) || (model.Key?.StartsWith("resnet50", StringComparison.Ordinal) ?? false));
}
