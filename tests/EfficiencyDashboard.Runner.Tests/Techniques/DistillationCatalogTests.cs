using EfficiencyDashboard.Runner.ModelBuilding;
using EfficiencyDashboard.Runner.Techniques;

namespace EfficiencyDashboard.Runner.Tests.Techniques;

public sealed class DistillationCatalogTests
{
    [Fact]
    public void DistilBERT_retains_97_percent_of_BERT_base_per_its_paper()
    {
        var pair = DistillationCatalog.ForStudent("DistilBERT")!;

        Assert.Contains("BERT-base", pair.Teacher);
        Assert.Equal(97, pair.QualityRetentionPercent);
        Assert.Contains("1910.01108", pair.Source);
        Assert.Contains("40%", pair.Note);
        Assert.Contains("60%", pair.Note);
    }

    [Fact]
    public void ResNet_figures_are_torchvisions_top1_accuracies()
    {
        var pair = DistillationCatalog.ForStudent("ResNet-18")!;

        Assert.Equal(69.758, pair.StudentQuality);
        Assert.Equal(76.130, pair.TeacherQuality);
        Assert.Equal(91.6, pair.QualityRetentionPercent);
    }

    [Fact]
    public void MobileNetV2_half_width_has_no_invented_figure()
    {
        var pair = DistillationCatalog.ForStudent("MobileNetV2 0.5")!;

        Assert.Equal(71.878, pair.TeacherQuality);
        Assert.Null(pair.StudentQuality);
        Assert.Null(pair.QualityRetentionPercent);
        Assert.Contains("no published figure in torchvision", pair.Note, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Distilled_is_not_a_graph_transform_and_unknown_names_are_rejected()
    {
        var parent = GeneratedModels.TinyMlp();

        Assert.Throws<TechniqueNotApplicableException>(() => Technique.Apply(Technique.Distilled, parent));
        Assert.Throws<ArgumentException>(() => Technique.Apply("int4-magic", parent));
        Assert.Throws<TechniqueNotApplicableException>(() => Technique.Apply(StaticQuantization.Name, parent));
        Assert.Equal(UnstructuredPruning.Name, Technique.Apply(UnstructuredPruning.Name, parent).Technique);
    }
}
