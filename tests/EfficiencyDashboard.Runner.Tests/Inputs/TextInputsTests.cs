using EfficiencyDashboard.Runner.Inputs;
using EfficiencyDashboard.Runner.Tests.Techniques;

namespace EfficiencyDashboard.Runner.Tests.Inputs;

[Collection(ParentModelsCollection.Name)]
public sealed class TextInputsTests(ParentModelsFixture parents)
{
    [Fact]
    public void Known_sentence_gets_bert_uncased_ids_with_cls_sep_and_padding()
    {
        var text = TextInputs.Create(parents.MiniLm.VocabPath, ["Hello, world!"], sequenceLength: 8);

        var (ids, mask, types) = text.Tokenize("Hello, world!");

        // [CLS] hello , world ! [SEP] [PAD] [PAD] in bert-base-uncased's vocabulary.
        Assert.Equal([101L, 7592, 1010, 2088, 999, 102, 0, 0], ids);
        Assert.Equal([1L, 1, 1, 1, 1, 1, 0, 0], mask);
        Assert.All(types, t => Assert.Equal(0, t));
    }

    [Fact]
    public void Long_sentences_are_truncated_and_keep_sep_last()
    {
        var text = TextInputs.Create(parents.MiniLm.VocabPath, ["x"], sequenceLength: 6);

        var (ids, mask, _) = text.Tokenize("the quick brown fox jumps over the lazy dog");

        Assert.Equal(6, ids.Length);
        Assert.Equal(101, ids[0]);
        Assert.Equal(102, ids[^1]);
        Assert.All(mask, m => Assert.Equal(1, m));
    }

    [Fact]
    public void Batches_cycle_through_the_sentence_file_and_follow_the_models_input_names()
    {
        var text = TextInputs.Load(parents.MiniLm.VocabPath, ParentModelsFixture.SentencesPath, sequenceLength: 16);

        var batch = text.Batch(["input_ids", "attention_mask", "token_type_ids"], batchSize: 3, start: text.Sentences.Count - 1);

        Assert.Equal(64, text.Sentences.Count);
        Assert.Equal([3L, 16], batch["input_ids"].Shape);
        var ids = (long[])batch["input_ids"].Values;
        Assert.Equal(text.Tokenize(text.Sentences[^1]).InputIds, ids[..16]);
        Assert.Equal(text.Tokenize(text.Sentences[0]).InputIds, ids[16..32]);
        Assert.Equal(1, ((long[])batch["attention_mask"].Values)[0]);
        Assert.All((long[])batch["token_type_ids"].Values, t => Assert.Equal(0, t));
    }
}
