using EfficiencyDashboard.Runner.Inputs;
using EfficiencyDashboard.Runner.Tests.Techniques;

namespace EfficiencyDashboard.Runner.Tests.Inputs;

[Collection(ParentModelsCollection.Name)]
public sealed class CalibrationSetTests(ParentModelsFixture parents)
{
    [Theory]
    [InlineData("minilm", InputKind.Text)]
    [InlineData("mobilenet_v2_0.5", InputKind.Image)]
    [InlineData("tiny_mlp", InputKind.Features)]
    public void Kind_follows_the_input_signature(string model, InputKind kind)
    {
        var set = parents.Calibration(model, batches: 2, batchSize: 3);

        Assert.Equal(kind, set.Kind);
        Assert.Equal(6, set.SampleCount);
        Assert.All(set.Batches, b => Assert.All(b.Tensors, t => Assert.Equal(3, t.Shape[0])));
    }

    [Fact]
    public void Text_models_get_one_tensor_per_input_name()
    {
        var set = parents.Calibration("minilm", batches: 1, batchSize: 2);

        Assert.Equal(["input_ids", "attention_mask", "token_type_ids"], set.Batches[0].Tensors.Select(t => t.Name));
        Assert.Equal([2L, 32], set.Batches[0]["input_ids"].Shape);
    }

    [Fact]
    public void Text_models_without_a_vocabulary_are_refused()
    {
        Assert.Throws<ArgumentException>(() => CalibrationSet.For(parents.Model("minilm"), 1, 1));
    }

    [Fact]
    public void A_fixed_batch_of_one_is_not_fed_larger_batches()
    {
        var error = Assert.Throws<ArgumentException>(() => CalibrationSet.For(parents.Model("resnet18_pretrained"), 1, 8));

        Assert.Contains("DynamicBatch", error.Message);
    }
}
