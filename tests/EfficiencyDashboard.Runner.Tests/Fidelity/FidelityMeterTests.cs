using EfficiencyDashboard.Runner.Fidelity;
using EfficiencyDashboard.Runner.ModelBuilding;
using EfficiencyDashboard.Runner.Tests.Techniques;

namespace EfficiencyDashboard.Runner.Tests.Fidelity;

[Collection(ParentModelsCollection.Name)]
public sealed class FidelityMeterTests(ParentModelsFixture parents)
{
    [Fact]
    public void A_classifier_compared_with_itself_is_identical()
    {
        var model = parents.Model("tiny_mlp");

        var report = FidelityMeter.Compare(model, model, parents.Calibration("tiny_mlp", batches: 2, batchSize: 4));

        Assert.Equal(8, report.Samples);
        Assert.Equal(1.0, report.CosineSimilarity!.Value, 6);
        Assert.Equal(0.0, report.MaxAbsoluteError!.Value);
        Assert.Equal(1.0, report.Top1Agreement);
        Assert.Null(report.RankCorrelation);
    }

    [Fact]
    public void A_text_embedder_gets_rank_correlation_and_no_top1()
    {
        var model = parents.Model("minilm");

        var report = FidelityMeter.Compare(model, model, parents.Calibration("minilm", batches: 1, batchSize: 4));

        Assert.EndsWith("output 'last_hidden_state'", report.Inputs);
        Assert.Equal(1.0, report.RankCorrelation!.Value, 6);
        Assert.Null(report.Top1Agreement);
    }

    [Fact]
    public void A_different_model_is_measured_as_different()
    {
        var parent = parents.Model("tiny_mlp");
        var other = GeneratedModels.TinyMlp(seed: 7);

        var report = FidelityMeter.Compare(parent, other, parents.Calibration("tiny_mlp", batches: 1, batchSize: 16));

        Assert.True(report.CosineSimilarity!.Value < 0.5, $"cosine {report.CosineSimilarity!.Value}");
        Assert.True(report.MaxAbsoluteError!.Value > 0.1);
    }

    [Fact]
    public void A_variant_that_cannot_run_on_the_cpu_is_a_clear_error()
    {
        var broken = parents.Model("tiny_mlp")[..100];

        var error = Assert.Throws<FidelityException>(() => FidelityMeter.Compare(parents.Model("tiny_mlp"), broken, parents.Calibration("tiny_mlp", 1, 1)));

        Assert.Contains("variant cannot run", error.Message);
    }
}
