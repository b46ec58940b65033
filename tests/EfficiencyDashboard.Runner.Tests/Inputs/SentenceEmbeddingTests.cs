using EfficiencyDashboard.Runner.Inputs;

namespace EfficiencyDashboard.Runner.Tests.Inputs;

public sealed class SentenceEmbeddingTests
{
    [Fact]
    public void Mean_pooling_ignores_padding_and_normalises()
    {
        // One sentence, three tokens of two dimensions; the third is padding and must not count.
        float[] states = [1, 0, 3, 0, 100, 100];
        long[] mask = [1, 1, 0];

        var embedding = SentenceEmbedding.MeanPool(states, mask, batchSize: 1, sequenceLength: 3).Single();

        Assert.Equal([1f, 0f], embedding);
    }

    [Fact]
    public void Each_sentence_is_pooled_separately()
    {
        float[] states = [3, 4, 0, 0, 0, 2, 0, 4];
        long[] mask = [1, 0, 1, 1];

        var embeddings = SentenceEmbedding.MeanPool(states, mask, batchSize: 2, sequenceLength: 2);

        Assert.Equal([0.6f, 0.8f], embeddings[0]);
        Assert.Equal([0f, 1f], embeddings[1]);
        Assert.Equal(1.0, SentenceEmbedding.Cosine(embeddings[1], [0f, 5f]), 6);
    }
}
