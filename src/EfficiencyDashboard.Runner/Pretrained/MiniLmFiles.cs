namespace EfficiencyDashboard.Runner.Pretrained;

/// <summary>The files of all-MiniLM-L6-v2 once extracted from its NuGet package.</summary>
/// <param name="ModelPath">model.onnx: inputs input_ids, attention_mask, token_type_ids [batch, sequence]; output last_hidden_state.</param>
/// <param name="VocabPath">vocab.txt: the lower-case WordPiece vocabulary of bert-base-uncased (30,522 entries).</param>
public sealed record MiniLmFiles(string ModelPath, string VocabPath);
