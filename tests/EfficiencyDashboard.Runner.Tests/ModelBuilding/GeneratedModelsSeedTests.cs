using EfficiencyDashboard.Runner.ModelBuilding;

namespace EfficiencyDashboard.Runner.Tests.ModelBuilding;

public sealed class GeneratedModelsSeedTests
{
    [Fact]
    public void Same_seed_gives_identical_bytes()
    {
        Assert.Equal(GeneratedModels.TinyMlp(seed: 3), GeneratedModels.TinyMlp(seed: 3));
        Assert.Equal(GeneratedModels.MobileNetV2(0.5, seed: 3), GeneratedModels.MobileNetV2(0.5, seed: 3));
    }

    [Fact]
    public void Different_seed_gives_different_bytes()
    {
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
    public void Tiny_mlp_parameters_are_exact() =>
        Assert.Equal(64 * 128 + 128 + 128 * 10 + 10, ModelParameters.CountParameters(GeneratedModels.TinyMlp()));
}
