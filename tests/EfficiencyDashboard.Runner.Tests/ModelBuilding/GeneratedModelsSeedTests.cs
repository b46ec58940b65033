using EfficiencyDashboard.Runner.ModelBuilding;

namespace EfficiencyDashboard.Runner.Tests.ModelBuilding;

public sealed class GeneratedModelsSeedTests
{
    // Small enough to build in milliseconds, with every part of the real encoders.
    private static readonly TransformerConfig SmallEncoder = new(2, 64, 4, 128, VocabularySize: 1000, MaxPositions: 64);

    [Fact]
    public void Same_seed_gives_identical_bytes()
    {
        Assert.Equal(GeneratedModels.BertEncoder(SmallEncoder, seed: 3), GeneratedModels.BertEncoder(SmallEncoder, seed: 3));
        Assert.Equal(GeneratedModels.TinyMlp(seed: 3), GeneratedModels.TinyMlp(seed: 3));
        Assert.Equal(GeneratedModels.MobileNetV2(0.5, seed: 3), GeneratedModels.MobileNetV2(0.5, seed: 3));
    }

    [Fact]
    public void Different_seed_gives_different_bytes()
    {
        Assert.NotEqual(GeneratedModels.BertEncoder(SmallEncoder, seed: 3), GeneratedModels.BertEncoder(SmallEncoder, seed: 4));
        Assert.NotEqual(GeneratedModels.TinyMlp(seed: 3), GeneratedModels.TinyMlp(seed: 4));
        Assert.NotEqual(GeneratedModels.MobileNetV2(0.5, seed: 3), GeneratedModels.MobileNetV2(0.5, seed: 4));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(34)]
    [InlineData(101)]
    public void Unsupported_resnet_depth_is_rejected(int depth) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => GeneratedModels.ResNet(depth));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Non_positive_width_is_rejected(double width) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => GeneratedModels.MobileNetV2(width));

    [Fact]
    public void Encoder_whose_heads_do_not_divide_the_hidden_size_is_rejected() =>
        Assert.Throws<ArgumentException>(() => GeneratedModels.BertEncoder(SmallEncoder with { Heads = 5 }));

    [Fact]
    public void Small_encoder_parameters_are_exact()
    {
        // Embeddings (words, positions, 2 token types, norm), 2 layers of 4 projections + 2-layer MLP + 2 norms, pooler.
        const long embeddings = (1000 + 64 + 2) * 64 + 2 * 64;
        const long layer = 4 * (64 * 64 + 64) + (64 * 128 + 128) + (128 * 64 + 64) + 2 * 2 * 64;
        const long pooler = 64 * 64 + 64;

        Assert.Equal(embeddings + 2 * layer + pooler, ModelParameters.CountParameters(GeneratedModels.BertEncoder(SmallEncoder)));
    }

    [Fact]
    public void Tiny_mlp_parameters_are_exact() =>
        Assert.Equal(64 * 128 + 128 + 128 * 10 + 10, ModelParameters.CountParameters(GeneratedModels.TinyMlp()));
}
