using Microsoft.ML.Tokenizers;

namespace EfficiencyDashboard.Runner.Inputs;

/// <summary>
/// Sentences tokenized for a BERT-style model with its own WordPiece vocabulary (lower-cased, as
/// all-MiniLM-L6-v2 and bert-base-uncased expect), padded or truncated to a fixed sequence length.
/// </summary>
public sealed class TextInputs
{
    private readonly BertTokenizer _tokenizer;

    private TextInputs(BertTokenizer tokenizer, IReadOnlyList<string> sentences, int sequenceLength)
    {
        _tokenizer = tokenizer;
        Sentences = sentences;
        SequenceLength = sequenceLength;
    }

    /// <summary>The sentences batches cycle through, in file order.</summary>
    public IReadOnlyList<string> Sentences { get; }

    /// <summary>Tokens per sentence after padding or truncation, [CLS] and [SEP] included.</summary>
    public int SequenceLength { get; }

    /// <summary>Reads a vocab.txt (one WordPiece per line) and a file of sentences (one per line, blank lines skipped).</summary>
    /// <exception cref="InvalidDataException">The sentence file holds no sentence.</exception>
    public static TextInputs Load(string vocabPath, string sentencesPath, int sequenceLength = 128) =>
        Create(vocabPath, File.ReadAllLines(sentencesPath).Select(l => l.Trim()).Where(l => l.Length > 0).ToList(), sequenceLength);

    /// <summary>Tokenizes the given sentences with the vocabulary at <paramref name="vocabPath"/>.</summary>
    public static TextInputs Create(string vocabPath, IReadOnlyList<string> sentences, int sequenceLength = 128)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequenceLength, 2);
        if (sentences.Count == 0)
        {
            throw new InvalidDataException("No sentences to tokenize.");
        }

        var tokenizer = BertTokenizer.Create(vocabPath, new BertOptions { LowerCaseBeforeTokenization = true });
        return new TextInputs(tokenizer, sentences, sequenceLength);
    }

    /// <summary>
    /// [CLS] + WordPiece ids + [SEP], truncated to keep [SEP] last, then padded with [PAD]; the attention mask
    /// is 1 on real tokens; token types are all 0 (one segment).
    /// </summary>
    public (long[] InputIds, long[] AttentionMask, long[] TokenTypeIds) Tokenize(string sentence)
    {
        var pieces = _tokenizer.EncodeToIds(sentence, addSpecialTokens: false);
        var kept = Math.Min(pieces.Count, SequenceLength - 2);
        var ids = new long[SequenceLength];
        var mask = new long[SequenceLength];
        Array.Fill(ids, _tokenizer.PaddingTokenId);
        ids[0] = _tokenizer.ClassificationTokenId;
        for (var i = 0; i < kept; i++)
        {
            ids[i + 1] = pieces[i];
        }

        ids[kept + 1] = _tokenizer.SeparatorTokenId;
        Array.Fill(mask, 1L, 0, kept + 2);
        return (ids, mask, new long[SequenceLength]);
    }

    /// <summary>
    /// A batch of sentences <paramref name="start"/>, <paramref name="start"/> + 1, ... (cycling through the set),
    /// with one tensor per name in <paramref name="inputNames"/>: names containing "mask" get the attention mask,
    /// "type" or "segment" the token types, any other the token ids.
    /// </summary>
    public InputBatch Batch(IEnumerable<string> inputNames, int batchSize, int start = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var ids = new long[batchSize * SequenceLength];
        var masks = new long[ids.Length];
        var types = new long[ids.Length];
        for (var i = 0; i < batchSize; i++)
        {
            var (sentenceIds, mask, tokenTypes) = Tokenize(Sentences[(start + i) % Sentences.Count]);
            sentenceIds.CopyTo(ids, i * SequenceLength);
            mask.CopyTo(masks, i * SequenceLength);
            tokenTypes.CopyTo(types, i * SequenceLength);
        }

        long[] shape = [batchSize, SequenceLength];
        return new InputBatch([.. inputNames.Select(name => new InputTensor(name, shape, RoleOf(name) switch
        {
            TokenRole.Mask => masks,
            TokenRole.TokenType => types,
            _ => ids,
        }))]);
    }

    private enum TokenRole
    {
        Ids,
        Mask,
        TokenType,
    }

    private static TokenRole RoleOf(string inputName)
    {
        var lower = inputName.ToLowerInvariant();
        return lower.Contains("mask") ? TokenRole.Mask
            : lower.Contains("type") || lower.Contains("segment") ? TokenRole.TokenType
            : TokenRole.Ids;
    }
}
