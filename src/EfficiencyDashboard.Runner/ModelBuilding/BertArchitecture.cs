using Onnx;

namespace EfficiencyDashboard.Runner.ModelBuilding;

/// <summary>
/// A BERT encoder laid out as Hugging Face exports it (embeddings, post-norm layers, optional
/// pooler), so parameter counts match bert-base-uncased, distilbert-base-uncased and MiniLM exactly.
/// </summary>
internal static class BertArchitecture
{
    // BERT's extended attention mask: masked positions get -10000 before the softmax.
    private const float MaskedScore = -10000f;

    public static byte[] Build(TransformerConfig config, int seed)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Layers <= 0 || config.VocabularySize <= 0 || config.MaxPositions <= 0 || config.TypeVocabularySize < 0)
        {
            throw new ArgumentException("Layers, vocabulary and positions must be positive; token types zero or more.", nameof(config));
        }

        var graph = new OnnxGraphBuilder("bert_encoder", seed);
        var layers = new TransformerLayers(graph, config.Hidden, config.Heads, config.FeedForward, epsilon: 1e-12f);
        var inputIds = graph.AddInput("input_ids", TensorProto.Types.DataType.Int64, "batch", "sequence");
        var attentionMask = graph.AddInput("attention_mask", TensorProto.Types.DataType.Int64, "batch", "sequence");
        var tokenTypeIds = config.TypeVocabularySize > 0
            ? graph.AddInput("token_type_ids", TensorProto.Types.DataType.Int64, "batch", "sequence")
            : null;

        var x = Embeddings(graph, layers, config, inputIds, tokenTypeIds);
        var mask = AdditiveMask(graph, attentionMask);
        for (var i = 0; i < config.Layers; i++)
        {
            x = layers.PostNormEncoderLayer(x, $"encoder.layer.{i}", mask);
        }

        graph.Finish(x, "last_hidden_state", "batch", "sequence", config.Hidden);
        if (config.HasPooler)
        {
            var pooled = Pooler(graph, x, config.Hidden);
            graph.Finish(pooled, "pooler_output", "batch", config.Hidden);
        }

        return graph.ToModelBytes();
    }

    private static string Embeddings(
        OnnxGraphBuilder graph, TransformerLayers layers, TransformerConfig config, string inputIds, string? tokenTypeIds)
    {
        var hidden = config.Hidden;
        var words = graph.AddNormalInitializer("embeddings.word_embeddings.weight", TransformerLayers.InitStd, config.VocabularySize, hidden);
        var x = graph.AddNode("Gather", "embeddings.word_embeddings", [words, inputIds], OnnxGraphBuilder.Int("axis", 0));

        // Hugging Face keeps position ids 0..max-1 as a buffer and slices the first `sequence` of them.
        var positionIds = graph.AddInt64Initializer(
            "embeddings.position_ids", [.. Enumerable.Range(0, config.MaxPositions).Select(i => (long)i)], 1, config.MaxPositions);
        var sequenceLength = graph.AddNode("Shape", "embeddings.sequence_length", [inputIds],
            OnnxGraphBuilder.Int("start", 1), OnnxGraphBuilder.Int("end", 2));
        var zero = graph.AddInt64Initializer("embeddings.slice_start", [0], 1);
        var axis = graph.AddInt64Initializer("embeddings.slice_axis", [1], 1);
        var positions = graph.AddNode("Slice", "embeddings.positions", [positionIds, zero, sequenceLength, axis]);
        var positionTable = graph.AddNormalInitializer("embeddings.position_embeddings.weight", TransformerLayers.InitStd, config.MaxPositions, hidden);
        var positionVectors = graph.AddNode("Gather", "embeddings.position_embeddings", [positionTable, positions], OnnxGraphBuilder.Int("axis", 0));
        x = graph.AddNode("Add", "embeddings.add_positions", [x, positionVectors]);

        if (tokenTypeIds is not null)
        {
            var types = graph.AddNormalInitializer("embeddings.token_type_embeddings.weight", TransformerLayers.InitStd, config.TypeVocabularySize, hidden);
            var typeVectors = graph.AddNode("Gather", "embeddings.token_type_embeddings", [types, tokenTypeIds], OnnxGraphBuilder.Int("axis", 0));
            x = graph.AddNode("Add", "embeddings.add_token_types", [x, typeVectors]);
        }

        return layers.LayerNorm(x, "embeddings.norm");
    }

    /// <summary>(1 - mask) * -10000 as [batch, 1, 1, sequence], broadcast over heads and query positions.</summary>
    private static string AdditiveMask(OnnxGraphBuilder graph, string attentionMask)
    {
        var asFloat = graph.AddNode("Cast", "mask.cast", [attentionMask], OnnxGraphBuilder.Int("to", (long)TensorProto.Types.DataType.Float));
        var axes = graph.AddInt64Initializer("mask.unsqueeze_axes", [1, 2], 2);
        var expanded = graph.AddNode("Unsqueeze", "mask.unsqueeze", [asFloat, axes]);
        var inverted = graph.AddNode("Sub", "mask.invert", [graph.AddScalar("mask.one", 1f), expanded]);
        return graph.AddNode("Mul", "mask.additive", [inverted, graph.AddScalar("mask.fill", MaskedScore)]);
    }

    /// <summary>BERT's pooler: the first token's vector through a dense layer and tanh.</summary>
    private static string Pooler(OnnxGraphBuilder graph, string lastHidden, int hidden)
    {
        var index = graph.AddInt64Initializer("pooler.first_token", [0]);
        var first = graph.AddNode("Gather", "pooler.first_token_vector", [lastHidden, index], OnnxGraphBuilder.Int("axis", 1));
        var weight = graph.AddNormalInitializer("pooler.dense.weight", TransformerLayers.InitStd, hidden, hidden);
        var bias = graph.AddInitializer("pooler.dense.bias", new float[hidden], hidden);
        var dense = graph.AddNode("Gemm", "pooler.dense", [first, weight, bias], OnnxGraphBuilder.Int("transB", 1));
        return graph.AddNode("Tanh", "pooler.tanh", [dense]);
    }
}
