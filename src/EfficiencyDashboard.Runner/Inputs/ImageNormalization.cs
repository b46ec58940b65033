namespace EfficiencyDashboard.Runner.Inputs;

/// <summary>How RGB pixels in [0, 1] become model inputs: (pixel x <see cref="PixelScale"/> - mean) / std per channel.</summary>
/// <param name="Mean">Per-channel mean, in the model's channel order.</param>
/// <param name="Std">Per-channel standard deviation, in the model's channel order.</param>
/// <param name="PixelScale">1 for [0, 1] pixels, 255 for models trained on 0-255 pixels.</param>
/// <param name="Bgr">True when the model takes channels in blue, green, red order (Caffe and CNTK models).</param>
public sealed record ImageNormalization(float[] Mean, float[] Std, float PixelScale = 1f, bool Bgr = false)
{
    /// <summary>torchvision's ImageNet normalisation: RGB in [0, 1], mean (0.485, 0.456, 0.406), std (0.229, 0.224, 0.225).</summary>
    public static ImageNormalization ImageNet { get; } = new([0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]);

    /// <summary>
    /// ML.NET's pretrained ResNet-18 (CNTK): BGR pixels in 0-255 minus the mean image of its ResNetPreprocess.onnx;
    /// that image's channel means (B 103.06, G 115.90, R 123.15) stand in for it.
    /// </summary>
    public static ImageNormalization PretrainedResNet18 { get; } = new([103.06f, 115.90f, 123.15f], [1f, 1f, 1f], 255f, Bgr: true);
}
