using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Runner.ModelBuilding;
using EfficiencyDashboard.Runner.Techniques;

namespace EfficiencyDashboard.Runner.Tests.Techniques;

public sealed class VariantTransformTests
{
    [Fact]
    public void Distilled_is_not_a_graph_transform_and_static_quantization_needs_calibration()
    {
        var parent = GeneratedModels.TinyMlp();

        var distilled = Assert.Throws<TechniqueNotApplicableException>(() => VariantTransform.Apply(Technique.Distilled, parent));
        Assert.Contains("not a graph transform", distilled.Message);
        Assert.Throws<TechniqueNotApplicableException>(() => VariantTransform.Apply(Technique.Int8Static, parent));
    }

    [Fact]
    public void A_variant_names_the_technique_that_made_it()
    {
        var variant = VariantTransform.Apply(Technique.PrunedUnstructured, GeneratedModels.TinyMlp());

        Assert.Equal(Technique.PrunedUnstructured, variant.Technique);
    }
}
