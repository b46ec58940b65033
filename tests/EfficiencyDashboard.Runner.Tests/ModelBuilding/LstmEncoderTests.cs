using EfficiencyDashboard.Runner.ModelBuilding;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Runner.Tests.ModelBuilding;

public sealed class LstmEncoderTests
{
    private static readonly LstmEncoderConfig Small = new(Layers: 2, Hidden: 16, EmbeddingSize: 8, VocabularySize: 100);

    [Fact]
    public void Reads_bert_style_token_inputs_and_gives_both_directions_of_the_last_layer_for_each_real_token()
    {
        using var session = new InferenceSession(GeneratedModels.LstmEncoder(Small));
        long[] ids = [1, 5, 9, 2, 0, 1, 7, 7, 7, 2];
        long[] mask = [1, 1, 1, 1, 0, 1, 1, 1, 1, 1];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, [2, 5]);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, [2, 5]);
        using var runOptions = new RunOptions();

        using var outputs = session.Run(runOptions, ["input_ids", "attention_mask"], [idsValue, maskValue], ["last_hidden_state"]);

        Assert.Equal([2, 5, 32], outputs[0].GetTensorTypeAndShape().Shape);
        var values = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        Assert.All(values, v => Assert.True(float.IsFinite(v)));
        // The first sentence has four tokens: its fifth, padded position is skipped by the recurrence.
        Assert.All(values.Skip(4 * 32).Take(32), v => Assert.Equal(0f, v));
        Assert.Contains(values.Take(4 * 32), v => v != 0f);
        Assert.Equal("batch", session.InputMetadata["input_ids"].SymbolicDimensions[0]);
        Assert.Equal("sequence", session.InputMetadata["input_ids"].SymbolicDimensions[1]);
    }

    [Fact]
    public void Counts_embeddings_and_every_lstm_weight_and_bias_as_parameters()
    {
        // ONNX LSTM: W [2, 4H, input], R [2, 4H, H], B [2, 8H] per layer.
        const long h = 16;
        var expected = 100 * 8 + 2 * (4 * h * 8 + 4 * h * h + 8 * h) + 2 * (4 * h * 2 * h + 4 * h * h + 8 * h);

        Assert.Equal(expected, ModelParameters.CountParameters(GeneratedModels.LstmEncoder(Small)));
    }
}
