using Onnx;

namespace EfficiencyDashboard.Runner.ModelBuilding;

/// <summary>
/// A pre-Transformer text encoder: WordPiece embeddings and stacked bidirectional LSTM layers (the ONNX LSTM operator),
/// reading the same token inputs as the BERT encoders, so both can be measured on the same sentences.
/// </summary>
/// <remarks>
/// ONNX Runtime runs recurrent operators sequence-first only (layout 0), so the batch-first token tensors are transposed
/// on the way in and out. Padded positions are skipped: the attention mask's row sums are the LSTM's sequence lengths.
/// Weights are N(0, 1/(3H)), the variance of PyTorch's U(-1/sqrt H, 1/sqrt H) LSTM initialisation.
/// </remarks>
internal static class LstmEncoderArchitecture
{
    private const int Gates = 4;

    public static byte[] Build(LstmEncoderConfig config, int seed)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Layers <= 0 || config.Hidden <= 0 || config.EmbeddingSize <= 0 || config.VocabularySize <= 0)
        {
            throw new ArgumentException("Layers, hidden size, embedding size and vocabulary must be positive.", nameof(config));
        }

        var graph = new OnnxGraphBuilder("lstm_encoder", seed);
        var inputIds = graph.AddInput("input_ids", TensorProto.Types.DataType.Int64, "batch", "sequence");
        var attentionMask = graph.AddInput("attention_mask", TensorProto.Types.DataType.Int64, "batch", "sequence");

        var table = graph.AddNormalInitializer("embeddings.word_embeddings.weight", 0.1, config.VocabularySize, config.EmbeddingSize);
        var embedded = graph.AddNode("Gather", "embeddings.word_embeddings", [table, inputIds], OnnxGraphBuilder.Int("axis", 0));
        var lengths = SequenceLengths(graph, attentionMask);

        // [batch, sequence, features] -> [sequence, batch, features]
        var x = graph.AddNode("Transpose", "encoder.to_sequence_first", [embedded], OnnxGraphBuilder.Ints("perm", 1, 0, 2));
        var flatten = graph.AddInt64Initializer("encoder.merge_directions_shape", [0, 0, -1], 3);
        var inputSize = config.EmbeddingSize;
        for (var layer = 0; layer < config.Layers; layer++)
        {
            var name = $"encoder.layer.{layer}";
            var std = Math.Sqrt(1.0 / (3.0 * config.Hidden));
            var w = graph.AddNormalInitializer($"{name}.weight_ih", std, 2, Gates * config.Hidden, inputSize);
            var r = graph.AddNormalInitializer($"{name}.weight_hh", std, 2, Gates * config.Hidden, config.Hidden);
            var b = graph.AddNormalInitializer($"{name}.bias", std, 2, 2 * Gates * config.Hidden);
            var y = graph.AddNode("LSTM", name, [x, w, r, b, lengths],
                OnnxGraphBuilder.Int("hidden_size", config.Hidden),
                OnnxGraphBuilder.Text("direction", "bidirectional"));
            // Y is [sequence, directions, batch, hidden]: both directions side by side for the next layer.
            var sideBySide = graph.AddNode("Transpose", $"{name}.directions_last", [y], OnnxGraphBuilder.Ints("perm", 0, 2, 1, 3));
            x = graph.AddNode("Reshape", $"{name}.merge_directions", [sideBySide, flatten]);
            inputSize = 2 * config.Hidden;
        }

        var output = graph.AddNode("Transpose", "encoder.to_batch_first", [x], OnnxGraphBuilder.Ints("perm", 1, 0, 2));
        graph.Finish(output, "last_hidden_state", "batch", "sequence", 2L * config.Hidden);
        return graph.ToModelBytes();
    }

    /// <summary>Tokens per sentence: the attention mask's row sums, as the int32 the LSTM's sequence_lens takes.</summary>
    private static string SequenceLengths(OnnxGraphBuilder graph, string attentionMask)
    {
        var axis = graph.AddInt64Initializer("encoder.token_axis", [1], 1);
        var sum = graph.AddNode("ReduceSum", "encoder.sequence_lengths", [attentionMask, axis], OnnxGraphBuilder.Int("keepdims", 0));
        return graph.AddNode("Cast", "encoder.sequence_lengths_int32", [sum], OnnxGraphBuilder.Int("to", (long)TensorProto.Types.DataType.Int32));
    }
}
