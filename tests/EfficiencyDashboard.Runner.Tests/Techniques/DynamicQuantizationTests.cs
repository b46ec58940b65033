using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Runner.Fidelity;
using EfficiencyDashboard.Runner.Techniques;

namespace EfficiencyDashboard.Runner.Tests.Techniques;

[Collection(ParentModelsCollection.Name)]
public sealed class DynamicQuantizationTests(ParentModelsFixture parents)
{
    [Fact]
    public void Transformer_projections_become_MatMulInteger_and_still_embed_like_the_parent()
    {
        var variant = parents.Variant(Technique.Int8Dynamic.ApiName(), "minilm", p => DynamicQuantization.Apply(p));
        var report = FidelityMeter.Compare(parents.Model("minilm"), variant.Model, parents.Calibration("minilm", batches: 1, batchSize: 16));

        // 6 layers x (Q, K, V, output, FFN in, FFN out) + the pooler's Gemm.
        Assert.Equal(37, variant.Counts["quantizedNodes"]);
        Assert.Equal(36 + 1, VariantInspection.Count(variant.Model, "MatMulInteger"));
        Assert.True(VariantInspection.Count(variant.Model, "DynamicQuantizeLinear") > 0);
        Assert.True(variant.Counts["weightBytesAfter"] * 3 < variant.Counts["weightBytesBefore"]);
        Assert.True(report.CosineSimilarity!.Value > 0.98, $"cosine {report.CosineSimilarity!.Value}");
        Assert.True(report.RankCorrelation > 0.95, $"spearman {report.RankCorrelation}");
    }

    [Fact]
    public void Mlp_runs_on_cpu_and_keeps_its_top1_decisions()
    {
        var variant = DynamicQuantization.Apply(parents.Model("tiny_mlp"));
        var report = FidelityMeter.Compare(parents.Model("tiny_mlp"), variant.Model, parents.Calibration("tiny_mlp", batches: 2, batchSize: 32));

        Assert.Equal(0, VariantInspection.Count(variant.Model, "MatMul"));
        // The int8 kernels ONNX Runtime picks depend on the CPU's instruction set: the same seeded model and inputs gave a
        // cosine above 0.999 on one CI machine and 0.9987 on an AVX2-only EPYC, so the bound leaves room for both.
        Assert.True(report.CosineSimilarity!.Value > 0.995, $"cosine {report.CosineSimilarity!.Value}");
        Assert.True(report.Top1Agreement >= 0.9, $"top-1 {report.Top1Agreement}");
    }

    [Fact]
    public void A_convolution_only_model_is_refused_with_a_pointer_to_int8_static()
    {
        var error = Assert.Throws<TechniqueNotApplicableException>(() => DynamicQuantization.Apply(parents.Model("resnet18_pretrained")));

        Assert.Contains("int8-static", error.Message);
    }
}
