using EfficiencyDashboard.Runner.ModelBuilding;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Runner.Tests.ModelBuilding;

[Collection(GeneratedModelsCollection.Name)]
public sealed class TransformerEncoderTests(GeneratedModelsFixture models)
{
    // A short sequence keeps the runs fast; the graph is the same at any length.
    private const int Sequence = 16;

    public static TheoryData<string, int> RunCases()
    {
        var cases = new TheoryData<string, int>();
        foreach (var name in GeneratedModelsFixture.TextConfigs.Keys)
        {
            cases.Add(name, 1);
            cases.Add(name, 2);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(RunCases))]
    public void Runs_on_cpu_with_dynamic_batch_and_sequence_and_gives_finite_varied_states(string name, int batch)
    {
        var config = GeneratedModelsFixture.TextConfigs[name];
        var session = models.Session(name);
        long[] shape = [batch, Sequence];
        var random = new Random(7);
        var inputValues = session.InputMetadata.Keys.Select(input => OrtValue.CreateTensorValueFromMemory(input switch
        {
            "input_ids" => Enumerable.Range(0, batch * Sequence).Select(_ => (long)random.Next(config.VocabularySize)).ToArray(),
            "attention_mask" => Enumerable.Range(0, batch * Sequence).Select(i => i % Sequence < Sequence - 3 ? 1L : 0L).ToArray(),
            _ => new long[batch * Sequence],
        }, shape)).ToList();
        var outputNames = session.OutputMetadata.Keys.ToList();

        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [.. session.InputMetadata.Keys], inputValues, outputNames);
        inputValues.ForEach(v => v.Dispose());

        var lastHidden = outputs[outputNames.IndexOf("last_hidden_state")];
        Assert.Equal([batch, Sequence, config.Hidden], lastHidden.GetTensorTypeAndShape().Shape);
        AssertFiniteAndVaried(lastHidden.GetTensorDataAsSpan<float>().ToArray());
        if (config.HasPooler)
        {
            var pooled = outputs[outputNames.IndexOf("pooler_output")];
            Assert.Equal([batch, config.Hidden], pooled.GetTensorTypeAndShape().Shape);
            AssertFiniteAndVaried(pooled.GetTensorDataAsSpan<float>().ToArray());
        }
    }

    [Theory]
    [InlineData("bert_base", 109_482_240)]
    [InlineData("distilbert", 66_362_880)]
    [InlineData("minilm_l6", 22_713_216)]
    public void Parameter_count_matches_hugging_face_exactly(string name, long expected) =>
        Assert.Equal(expected, ModelParameters.CountParameters(models.Model(name)));

    [Theory]
    [InlineData("bert_base")]
    [InlineData("distilbert")]
    public void Declares_symbolic_batch_and_sequence_with_token_types_only_when_configured(string name)
    {
        var config = GeneratedModelsFixture.TextConfigs[name];
        var session = models.Session(name);

        string[] expectedInputs = config.TypeVocabularySize > 0
            ? ["input_ids", "attention_mask", "token_type_ids"]
            : ["input_ids", "attention_mask"];
        Assert.Equal(expectedInputs, session.InputMetadata.Keys);
        foreach (var input in session.InputMetadata.Values)
        {
            Assert.Equal(Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Int64, input.ElementDataType);
            Assert.Equal([-1, -1], input.Dimensions);
            Assert.Equal(["batch", "sequence"], input.SymbolicDimensions);
        }

        var lastHidden = session.OutputMetadata["last_hidden_state"];
        Assert.Equal([-1, -1, config.Hidden], lastHidden.Dimensions);
        Assert.Equal(config.HasPooler, session.OutputMetadata.ContainsKey("pooler_output"));
    }

    private static void AssertFiniteAndVaried(float[] values)
    {
        Assert.All(values, v => Assert.True(float.IsFinite(v), $"non-finite value {v}"));
        Assert.True(values.Distinct().Count() > 1, "all values are equal");
    }
}
