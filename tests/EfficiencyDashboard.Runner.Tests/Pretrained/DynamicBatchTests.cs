using EfficiencyDashboard.Runner.Inputs;
using EfficiencyDashboard.Runner.Pretrained;
using EfficiencyDashboard.Runner.Tests.Techniques;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Runner.Tests.Pretrained;

[Collection(ParentModelsCollection.Name)]
public sealed class DynamicBatchTests(ParentModelsFixture parents)
{
    [Fact]
    public void Pretrained_ResNet18_runs_at_batch_4_with_each_sample_as_at_batch_1()
    {
        var model = parents.Model("resnet18_pretrained_dynamic");
        var batch = new InputBatch([ImageInputs.Batch("Input247", 4, 0, normalization: ImageNormalization.PretrainedResNet18)]);

        var together = VariantInspection.RunOnCpu(model, batch);
        var features = together.Length / 4;
        Assert.Equal(512, features);
        for (var i = 0; i < 4; i++)
        {
            var alone = VariantInspection.RunOnCpu(model, new InputBatch([ImageInputs.Batch("Input247", 1, i, normalization: ImageNormalization.PretrainedResNet18)]));
            var worst = alone.Select((v, j) => Math.Abs(v - together[i * features + j])).Max();
            Assert.True(worst < 1e-4, $"sample {i} differs by {worst}");
        }
    }

    [Fact]
    public void Batch_dimension_becomes_symbolic()
    {
        using var session = new InferenceSession(parents.Model("resnet18_pretrained_dynamic"));

        Assert.Equal(DynamicBatch.DimensionName, session.InputMetadata["Input247"].SymbolicDimensions[0]);
        Assert.Equal(-1, session.InputMetadata["Input247"].Dimensions[0]);
        Assert.Equal(-1, session.OutputMetadata.Values.Single().Dimensions[0]);
    }

    [Fact]
    public void MiniLM_already_takes_any_batch()
    {
        var made = DynamicBatch.Make(parents.Model("minilm"));

        using var session = new InferenceSession(made);
        Assert.Equal("batch", session.InputMetadata["input_ids"].SymbolicDimensions[0]);
    }

    [Fact]
    public void A_hard_coded_batch_of_one_inside_the_graph_is_refused()
    {
        var error = Assert.Throws<FixedBatchException>(() => DynamicBatch.Make(HandMadeGraphs.HardCodedBatchReshape()));

        Assert.Contains("batch of 1 inside", error.Message);
    }
}
