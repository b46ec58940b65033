using EfficiencyDashboard.Runner.Fidelity;
using EfficiencyDashboard.Runner.Techniques;

namespace EfficiencyDashboard.Runner.Tests.Techniques;

[Collection(ParentModelsCollection.Name)]
public sealed class UnstructuredPruningTests(ParentModelsFixture parents)
{
    [Theory]
    [InlineData("mobilenet_v2_0.5")]
    [InlineData("minilm")]
    public void Thirty_percent_zeros_keep_outputs_close(string parent)
    {
        var variant = UnstructuredPruning.Apply(parents.Model(parent), 0.3);
        var report = FidelityMeter.Compare(parents.Model(parent), variant.Model, parents.Calibration(parent, batches: 1, batchSize: 8));

        Assert.InRange(variant.Counts["zeroedWeights"] / (double)variant.Counts["weights"], 0.299, 0.301);
        Assert.True(report.CosineSimilarity!.Value > 0.9, $"cosine {report.CosineSimilarity!.Value}");
    }

    [Fact]
    public void Shapes_and_dense_compute_do_not_change_and_the_description_says_so()
    {
        var parent = parents.Model("tiny_mlp");
        var variant = UnstructuredPruning.Apply(parent, 0.3);

        Assert.Equal(ModelCost.Measure(parent), ModelCost.Measure(variant.Model));
        Assert.Contains("MACs and latency do not go down", variant.Description);
        var zeros = VariantInspection.Graph(variant.Model).Initializer.Single(t => t.Name == "fc1.weight").RawData.Span;
        Assert.Equal((int)Math.Round(64 * 128 * 0.3), System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(zeros).ToArray().Count(v => v == 0));
    }

    [Fact]
    public void A_model_without_weights_is_refused()
    {
        Assert.Throws<TechniqueNotApplicableException>(() => UnstructuredPruning.Apply(HandMadeGraphs.ReluOnly(), 0.3));
    }
}
