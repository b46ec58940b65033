namespace EfficiencyDashboard.Runner.ModelBuilding;

/// <summary>The shape of a BERT-style text encoder, with presets for the models the catalog ships.</summary>
/// <param name="Layers">Encoder layers.</param>
/// <param name="Hidden">Hidden size (width of every token's vector).</param>
/// <param name="Heads">Attention heads; must divide <paramref name="Hidden"/>.</param>
/// <param name="FeedForward">Width of the feed-forward (intermediate) layer.</param>
/// <param name="VocabularySize">Rows of the word embedding table.</param>
/// <param name="MaxPositions">Rows of the position embedding table: the longest sequence the model accepts.</param>
/// <param name="TypeVocabularySize">Rows of the token-type (segment) table; 0 for none, and then no token_type_ids input.</param>
/// <param name="SequenceLength">
/// The sequence length the graph's dynamic "sequence" dimension is given when MACs per sample are quoted
/// (inputShapes for analysis and benchmark runs); the graph itself accepts any length up to <paramref name="MaxPositions"/>.
/// </param>
/// <param name="HasPooler">Whether a pooler (token 0, dense, tanh) adds the pooler_output output.</param>
public sealed record TransformerConfig(
    int Layers,
    int Hidden,
    int Heads,
    int FeedForward,
    int VocabularySize = 30522,
    int MaxPositions = 512,
    int TypeVocabularySize = 2,
    int SequenceLength = 128,
    bool HasPooler = true)
{
    /// <summary>bert-base-uncased: 12 layers, 768 hidden, 12 heads, 3072 feed-forward; 109.5 M parameters.</summary>
    public static TransformerConfig BertBase { get; } = new(12, 768, 12, 3072);

    /// <summary>distilbert-base-uncased: 6 layers of BERT-base width, no token types, no pooler; 66.4 M parameters.</summary>
    public static TransformerConfig DistilBert { get; } = new(6, 768, 12, 3072, TypeVocabularySize: 0, HasPooler: false);

    /// <summary>all-MiniLM-L6-v2 (MiniLM-L6-H384): 6 layers, 384 hidden, 12 heads, 1536 feed-forward; 22.7 M parameters.</summary>
    public static TransformerConfig MiniLmL6 { get; } = new(6, 384, 12, 1536);
}
