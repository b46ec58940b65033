using EfficiencyDashboard.Runner.Inputs;
using EfficiencyDashboard.Runner.Pretrained;
using EfficiencyDashboard.Runner.Tests.Techniques;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Runner.Tests.Pretrained;

[Collection(ParentModelsCollection.Name)]
public sealed class MiniLmPackageTests(ParentModelsFixture parents)
{
    [Fact]
    public void Extracted_model_loads_with_the_three_bert_inputs()
    {
        using var session = new InferenceSession(parents.MiniLm.ModelPath);

        Assert.Equal(["input_ids", "attention_mask", "token_type_ids"], session.InputMetadata.Keys);
        Assert.Equal("last_hidden_state", session.OutputNames[0]);
        Assert.Equal(30_522, File.ReadLines(parents.MiniLm.VocabPath).Count());
    }

    [Fact]
    public void Paraphrases_embed_closer_than_unrelated_sentences()
    {
        string[] sentences =
        [
            "A man is playing a guitar on stage.",
            "Someone performs a song with a guitar in front of an audience.",
            "The quarterly tax report is due next Tuesday.",
        ];
        var text = TextInputs.Create(parents.MiniLm.VocabPath, sentences, sequenceLength: 32);
        var batch = text.Batch(["input_ids", "attention_mask", "token_type_ids"], sentences.Length);

        var states = VariantInspection.RunOnCpu(parents.Model("minilm"), batch);
        var embeddings = SentenceEmbedding.MeanPool(states, (long[])batch["attention_mask"].Values, sentences.Length, 32);

        var paraphrase = SentenceEmbedding.Cosine(embeddings[0], embeddings[1]);
        var unrelated = SentenceEmbedding.Cosine(embeddings[0], embeddings[2]);
        Assert.True(paraphrase > unrelated + 0.3, $"paraphrase {paraphrase:F3}, unrelated {unrelated:F3}");
    }

    [Fact]
    public void An_assembly_without_the_resources_is_rejected_clearly()
    {
        var other = typeof(MiniLmPackage).Assembly.Location;

        var error = Assert.Throws<InvalidDataException>(() => MiniLmPackage.Extract(other, Path.Combine(parents.Directory, "not-minilm")));

        Assert.Contains("model.onnx", error.Message);
    }
}
