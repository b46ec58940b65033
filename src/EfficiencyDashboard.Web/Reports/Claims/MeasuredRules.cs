using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Reports.Claims;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>
/// Which of this install's runs bear on each claim, and how they are paired. Only succeeded runs count; Server runs are
/// left out (their throughput is the offered rate, not the model's); both sides of a pair share hardware, the provider
/// that actually executed, scenario, batch size and input shapes. The gain is throughput (samples/s), since energy is
/// not measured on every host.
/// </summary>
public static class MeasuredRules
{
    /// <summary>The rule of each claim, in words, for the page and the API.</summary>
    public static string Describe(Claim claim) => claim.Id switch
    {
        var id when id == ArticleClaims.Quantization.Id =>
            "Throughput of each int8-dynamic or int8-static variant / throughput of its parent, same hardware, provider, scenario, batch size and inputs.",
        var id when id == ArticleClaims.Pruning.Id =>
            "Throughput of each pruned-structured variant / throughput of its parent, same setup. Unstructured pruning is excluded: it zeroes weights but keeps the dense compute, so only sparse kernels (not used here) could gain.",
        var id when id == ArticleClaims.Distillation.Id =>
            "Throughput of each distilled student / throughput of its teacher, same task and setup.",
        var id when id == ArticleClaims.MobileNet.Id =>
            "Throughput of the fastest MobileNet / throughput of a ResNet-50, both image classification, same setup.",
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

    /// <summary>The pairs of runs that bear on <paramref name="claim"/>.</summary>
    public static IReadOnlyList<RunComparison> Pairs(Claim claim, IReadOnlyList<MeasuredRun> runs)
    {
        // Only claims with a rule look at the runs.
        List<MeasuredRun> Usable() => runs.Where(r => r.Scenario != Scenario.Server).ToList();
        return claim.Id switch
        {
            var id when id == ArticleClaims.Quantization.Id => ToParent(Usable(), Technique.Int8Dynamic, Technique.Int8Static),
            var id when id == ArticleClaims.Pruning.Id => ToParent(Usable(), Technique.PrunedStructured),
            var id when id == ArticleClaims.Distillation.Id => Pair(Usable(), m => m.TeacherId is not null,
                (student, teacher) => student.TeacherId == teacher.Id && student.Task == teacher.Task),
            var id when id == ArticleClaims.MobileNet.Id => FastestMobileNet(Usable()),
            _ => [],
        };
    }

    private static List<RunComparison> ToParent(List<MeasuredRun> runs, params Technique[] techniques) =>
        Pair(runs, m => m.Technique is { } t && techniques.Contains(t), (variant, parent) => variant.ParentId == parent.Id);

    /// <summary>Every (target model, baseline model, setup) with runs on both sides.</summary>
    private static List<RunComparison> Pair(List<MeasuredRun> runs, Func<Model, bool> isTarget, Func<Model, Model, bool> isBaselineOf)
    {
        var pairs = new List<RunComparison>();
        var targets = runs.Where(r => isTarget(r.Model)).GroupBy(r => (r.Model.Id, r.Setup)).ToList();
        if (targets.Count == 0)
        {
            return pairs;
        }

        // Runs by setup, in their order: each target group looks only at the runs of its own setup.
        var bySetup = runs.ToLookup(r => r.Setup);
        foreach (var target in targets)
        {
            var model = target.First().Model;
            foreach (var baseline in bySetup[target.Key.Setup].Where(r => isBaselineOf(model, r.Model)).GroupBy(r => r.Model.Id))
            {
                pairs.Add(new RunComparison([.. baseline], [.. target]));
            }
        }

        return pairs;
    }

    private static List<RunComparison> FastestMobileNet(List<MeasuredRun> runs)
    {
        var classifiers = runs.Where(r => r.Model.Task == "image classification" && r.Model.ParentId is null).ToList();
        // Whether each model is a ResNet-50, decided once per model rather than once per run.
        var resNet50 = classifiers.Select(r => r.Model).DistinctBy(m => m.Id).ToDictionary(m => m.Id, IsResNet50);
        var pairs = new List<RunComparison>();
        foreach (var setup in classifiers.GroupBy(r => r.Setup))
        {
            var baseline = setup.Where(r => resNet50[r.Model.Id]).GroupBy(r => r.Model.Id).FirstOrDefault();
            var fastest = setup.Where(r => r.Model.Family == ModelFamily.MobileNet).GroupBy(r => r.Model.Id)
                .MaxBy(g => g.Average(r => r.ThroughputPerSecond));
            if (baseline is not null && fastest is not null)
            {
                pairs.Add(new RunComparison([.. baseline], [.. fastest]));
            }
        }

        return pairs;
    }

    private static bool IsResNet50(Model model) =>
        model.Family == ModelFamily.ResNet &&
        (model.Name.Contains("ResNet-50", StringComparison.OrdinalIgnoreCase) || (model.Key?.StartsWith("resnet50", StringComparison.Ordinal) ?? false));
}
