namespace EfficiencyDashboard.Runner.ModelBuilding;

/// <summary>The shape of a bidirectional LSTM text encoder.</summary>
/// <param name="Layers">Stacked bidirectional LSTM layers.</param>
/// <param name="Hidden">Cells per direction in each layer.</param>
/// <param name="EmbeddingSize">Width of the word embeddings that feed the first layer.</param>
/// <param name="VocabularySize">Rows of the word embedding table (BERT's uncased WordPiece vocabulary by default).</param>
public sealed record LstmEncoderConfig(int Layers, int Hidden, int EmbeddingSize, int VocabularySize = 30522)
{
    /// <summary>
    /// ELMo's size: 180 M parameters (Sanh et al., DistilBERT, arXiv 1910.01108, Table 3, which also gives its CPU
    /// inference time, 895 s against BERT-base's 668 s, and Table 1 its GLUE score, 68.7). ELMo's character CNN and
    /// projected 4096-cell LSTMs have no ONNX LSTM equivalent, so the same budget is spent on two bidirectional layers
    /// of 2048 cells over 960-wide WordPiece embeddings: 179.3 M parameters.
    /// </summary>
    public static LstmEncoderConfig ElmoSize { get; } = new(2, 2048, 960);
}
