namespace EfficiencyDashboard.Runner.Inputs;

/// <summary>
/// Sentence embeddings from a Transformer's token states, the way sentence-transformers makes them for
/// all-MiniLM-L6-v2: the mean of the token vectors where the attention mask is 1, then L2-normalised.
/// </summary>
public static class SentenceEmbedding
{
    /// <summary>Mean-pools and L2-normalises each sentence's token states.</summary>
    /// <param name="lastHiddenState">Token states [batch, sequence, hidden], row-major.</param>
    /// <param name="attentionMask">Mask [batch, sequence]: 1 for real tokens, 0 for padding.</param>
    /// <param name="batchSize">Sentences in the batch.</param>
    /// <param name="sequenceLength">Tokens per sentence.</param>
    /// <returns>One unit-length vector of <c>hidden</c> values per sentence.</returns>
    public static float[][] MeanPool(ReadOnlySpan<float> lastHiddenState, ReadOnlySpan<long> attentionMask, int batchSize, int sequenceLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequenceLength);
        if (attentionMask.Length != batchSize * sequenceLength || lastHiddenState.Length % (batchSize * sequenceLength) != 0)
        {
            throw new ArgumentException("The hidden states and the mask do not match the batch size and sequence length.");
        }

        var hidden = lastHiddenState.Length / (batchSize * sequenceLength);
        var embeddings = new float[batchSize][];
        for (var b = 0; b < batchSize; b++)
        {
            var sum = new double[hidden];
            double tokens = 0;
            for (var s = 0; s < sequenceLength; s++)
            {
                if (attentionMask[b * sequenceLength + s] == 0)
                {
                    continue;
                }

                tokens++;
                var row = lastHiddenState.Slice((b * sequenceLength + s) * hidden, hidden);
                for (var h = 0; h < hidden; h++)
                {
                    sum[h] += row[h];
                }
            }

            // sentence-transformers clamps the token count at 1e-9 so an all-padding row gives zeros, not NaN.
            var mean = sum.Select(v => v / Math.Max(tokens, 1e-9)).ToArray();
            var norm = Math.Max(Math.Sqrt(mean.Sum(v => v * v)), 1e-12);
            embeddings[b] = [.. mean.Select(v => (float)(v / norm))];
        }

        return embeddings;
    }

    /// <summary>Cosine similarity of two vectors (the dot product, for unit vectors).</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("Vectors differ in length.");
        }

        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * (double)b[i];
            na += a[i] * (double)a[i];
            nb += b[i] * (double)b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
