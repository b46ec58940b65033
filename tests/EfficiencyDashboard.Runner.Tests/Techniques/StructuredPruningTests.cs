using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Runner.Fidelity;
using EfficiencyDashboard.Runner.Techniques;

namespace EfficiencyDashboard.Runner.Tests.Techniques;

[Collection(ParentModelsCollection.Name)]
public sealed class StructuredPruningTests(ParentModelsFixture parents)
{
    [Fact]
    public void ResNet18_loses_30_percent_of_its_block_inner_channels_and_keeps_block_outputs()
    {
        var variant = parents.Variant(Technique.PrunedStructured.ApiName(), "resnet18", p => StructuredPruning.Apply(p, 0.3));
        var weights = VariantInspection.Graph(variant.Model).Initializer.ToDictionary(t => t.Name);

        // BasicBlock conv1 (64 planes in layer1) keeps 45 outputs; conv2 reads 45 and still writes the 64 the residual add needs.
        Assert.Equal([45L, 64, 3, 3], weights["layer1.0.1.conv.weight"].Dims);
        Assert.Equal([64L, 45, 3, 3], weights["layer1.0.2.conv.weight"].Dims);
        Assert.Equal([45L], weights["layer1.0.1.bn.weight"].Dims);
        Assert.Equal([64L, 3, 7, 7], weights["stem.conv.weight"].Dims);
        Assert.Contains("576 of 1920 conv channels in 8 conv chains", variant.Description);
        Assert.True(variant.Counts["parametersAfter"] < variant.Counts["parametersBefore"] * 0.8);
        Assert.True(variant.Counts["macsPerSampleAfter"] < variant.Counts["macsPerSampleBefore"] * 0.8);
    }

    [Fact]
    public void ResNet18_pruned_runs_on_cpu_with_the_parents_interface()
    {
        var variant = parents.Variant(Technique.PrunedStructured.ApiName(), "resnet18", p => StructuredPruning.Apply(p, 0.3));
        var report = FidelityMeter.Compare(parents.Model("resnet18"), variant.Model, parents.Calibration("resnet18", batches: 1, batchSize: 4));

        // Random weights have no redundancy to lose gracefully, so only sanity bounds: same output, still correlated.
        Assert.Equal(4, report.Samples);
        Assert.True(report.CosineSimilarity!.Value is > 0.5 and < 1.0, $"cosine {report.CosineSimilarity!.Value}");
    }

    [Fact]
    public void MobileNetV2_loses_expansion_channels_in_expand_depthwise_and_project()
    {
        var variant = StructuredPruning.Apply(parents.Model("mobilenet_v2_0.5"), 0.3);
        var weights = VariantInspection.Graph(variant.Model).Initializer.ToDictionary(t => t.Name);
        var output = VariantInspection.RunOnCpu(variant.Model, parents.Calibration("mobilenet_v2_0.5", batches: 1, batchSize: 2).Batches[0]);

        // features.2: 8 -> 48 expansion -> 16; 30% of 48 is 14 channels removed.
        Assert.Equal([34L, 8, 1, 1], weights["features.2.expand.conv.weight"].Dims);
        Assert.Equal([34L, 1, 3, 3], weights["features.2.depthwise.conv.weight"].Dims);
        Assert.Equal([16L, 34, 1, 1], weights["features.2.project.conv.weight"].Dims);
        Assert.Equal(2 * 1000, output.Length);
        Assert.True(variant.Counts["parametersAfter"] < variant.Counts["parametersBefore"]);
        Assert.True(variant.Counts["macsPerSampleAfter"] < variant.Counts["macsPerSampleBefore"] * 0.8);
    }

    [Fact]
    public void MiniLM_loses_whole_attention_heads_and_ffn_neurons_and_still_runs()
    {
        var variant = parents.Variant(Technique.PrunedStructured.ApiName(), "minilm", p => StructuredPruning.Apply(p, 0.3, sequenceLength: 32));
        var report = FidelityMeter.Compare(parents.Model("minilm"), variant.Model, parents.Calibration("minilm", batches: 1, batchSize: 8));

        Assert.Equal(6 * 12, variant.Counts["attentionHeadsBefore"]);
        Assert.Equal(6 * 8, variant.Counts["attentionHeadsAfter"]);
        Assert.Equal(6 * 1536, variant.Counts["feedForwardNeuronsBefore"]);
        Assert.Equal(6 * (1536 - 461), variant.Counts["feedForwardNeuronsAfter"]);
        Assert.True(variant.Counts["parametersAfter"] < variant.Counts["parametersBefore"]);
        Assert.True(variant.Counts["macsPerSampleAfter"] < variant.Counts["macsPerSampleBefore"] * 0.8);
        Assert.True(report.CosineSimilarity!.Value > 0.3, $"cosine {report.CosineSimilarity!.Value}");
    }

    [Fact]
    public void Mlp_hidden_neurons_are_pruned()
    {
        var variant = StructuredPruning.Apply(parents.Model("tiny_mlp"), 0.5);

        Assert.Equal(128, variant.Counts["feedForwardNeuronsBefore"]);
        Assert.Equal(64, variant.Counts["feedForwardNeuronsAfter"]);
        Assert.Equal(64 * 64 + 64 + 64 * 10 + 10, variant.Counts["parametersAfter"]);
    }

    [Fact]
    public void A_single_convolution_has_no_hidden_channels_to_prune()
    {
        var error = Assert.Throws<TechniqueNotApplicableException>(() => StructuredPruning.Apply(HandMadeGraphs.SingleConv(), 0.3));

        Assert.Contains("pruned-unstructured", error.Message);
    }
}
