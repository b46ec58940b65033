using EfficiencyDashboard.Runner.ModelBuilding;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Runner.Tests.ModelBuilding;

[Collection(GeneratedModelsCollection.Name)]
public sealed class GeneratedModelsTests(GeneratedModelsFixture models)
{
    public static TheoryData<string, int> RunCases()
    {
        var cases = new TheoryData<string, int>();
        foreach (var name in GeneratedModelsFixture.ImageNames)
        {
            cases.Add(name, 1);
            cases.Add(name, 2);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(RunCases))]
    public void Runs_on_cpu_with_dynamic_batch_and_gives_finite_varied_logits(string name, int batch)
    {
        var session = models.Session(name);
        var featureDims = session.InputMetadata["input"].Dimensions.Skip(1).Select(d => (long)d).ToArray();
        var shape = featureDims.Prepend(batch).ToArray();
        var input = SeededInput(checked((int)shape.Aggregate(1L, (a, b) => a * b)));

        using var inputValue = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["input"], [inputValue], ["logits"]);

        var classes = name == "tiny_mlp" ? 10 : 1000;
        var logits = outputs[0];
        Assert.Equal([batch, classes], logits.GetTensorTypeAndShape().Shape);
        var values = logits.GetTensorDataAsSpan<float>().ToArray();
        Assert.All(values, v => Assert.True(float.IsFinite(v), $"non-finite logit {v}"));
        Assert.True(values.Distinct().Count() > 1, "all logits are equal");
    }

    [Theory]
    [InlineData("mobilenet_v2_1.0")]
    [InlineData("resnet50")]
    [InlineData("vit_b16")]
    public void Declares_symbolic_batch_input_and_output(string name)
    {
        var session = models.Session(name);
        var input = session.InputMetadata["input"];
        var output = session.OutputMetadata["logits"];

        Assert.Equal([-1, 3, 224, 224], input.Dimensions);
        Assert.Equal("batch", input.SymbolicDimensions[0]);
        Assert.Equal([-1, 1000], output.Dimensions);
        Assert.Equal("batch", output.SymbolicDimensions[0]);
    }

    [Theory]
    [InlineData("resnet18", 11_689_512)]
    [InlineData("resnet50", 25_557_032)]
    [InlineData("mobilenet_v2_1.0", 3_504_872)]
    [InlineData("mobilenet_v2_0.5", 1_968_680)]
    [InlineData("tiny_mlp", 64 * 128 + 128 + 128 * 10 + 10)]
    [InlineData("vit_b16", 86_567_656)]
    [InlineData("alexnet", 61_100_840)]
    [InlineData("vgg16", 138_357_544)]
    public void Parameter_count_matches_the_reference_implementation_within_one_percent(string name, long expected)
    {
        var actual = ModelParameters.CountParameters(models.Model(name));

        Assert.InRange(actual, expected * 0.99, expected * 1.01);
    }

    private static float[] SeededInput(int count)
    {
        var random = new Random(7);
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return values;
    }
}
