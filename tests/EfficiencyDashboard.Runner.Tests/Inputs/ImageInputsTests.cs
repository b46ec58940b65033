using EfficiencyDashboard.Runner.Inputs;

namespace EfficiencyDashboard.Runner.Tests.Inputs;

public sealed class ImageInputsTests
{
    [Fact]
    public void Images_are_seeded_and_distinct()
    {
        Assert.Equal(ImageInputs.Image(3, 32, 32), ImageInputs.Image(3, 32, 32));
        Assert.NotEqual(ImageInputs.Image(3, 32, 32), ImageInputs.Image(4, 32, 32));
    }

    [Fact]
    public void ImageNet_normalisation_gives_values_in_its_range()
    {
        var values = Enumerable.Range(0, 10).SelectMany(i => ImageInputs.Image(i, 64, 64)).ToArray();

        // Pixels in [0, 1] map to [(0 - 0.485) / 0.229, (1 - 0.406) / 0.225] = [-2.12, 2.64].
        Assert.All(values, v => Assert.InRange(v, -2.12f, 2.65f));
        Assert.InRange(values.Average(), -1.0, 1.0);
        Assert.True(values.Max() - values.Min() > 3, "images should use most of the range");
    }

    [Fact]
    public void Batch_is_nchw_with_consecutive_images()
    {
        var batch = ImageInputs.Batch("input", 2, start: 5, height: 16, width: 16);

        Assert.Equal([2L, 3, 16, 16], batch.Shape);
        Assert.Equal(ImageInputs.Image(6, 16, 16), ((float[])batch.Values)[(3 * 16 * 16)..]);
    }

    [Fact]
    public void Bgr_normalisation_swaps_channels()
    {
        var rgb = ImageInputs.Image(0, 8, 8, new ImageNormalization([0f, 0f, 0f], [1f, 1f, 1f]));
        var bgr = ImageInputs.Image(0, 8, 8, new ImageNormalization([0f, 0f, 0f], [1f, 1f, 1f], Bgr: true));

        Assert.Equal(rgb[..64], bgr[128..]);
    }
}
