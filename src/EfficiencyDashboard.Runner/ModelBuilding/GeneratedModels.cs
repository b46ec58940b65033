namespace EfficiencyDashboard.Runner.ModelBuilding;

/// <summary>
/// Builds serialised ONNX models (ir_version 8, opset 17) with real architectures and
/// deterministic seeded weights, so benchmarks need no downloaded model files.
/// </summary>
/// <remarks>
/// Conv weights are Kaiming-normal (std = sqrt(2 / fan_in)) and batch norms start as the identity,
/// which keeps activations finite and varied without any training.
/// </remarks>
public static class GeneratedModels
{
    /// <summary>
    /// torchvision's mobilenet_v2. Input "input" is float32 [batch, 3, 224, 224] with a symbolic
    /// "batch" dimension; output "logits" is float32 [batch, 1000].
    /// </summary>
    /// <param name="widthMultiplier">Channel width multiplier, rounded to multiples of 8 as torchvision does.</param>
    /// <param name="seed">Seed for the weights; equal seeds give byte-identical models.</param>
    /// <returns>The serialised ModelProto.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="widthMultiplier"/> is not a positive finite number.</exception>
    public static byte[] MobileNetV2(double widthMultiplier = 1.0, int seed = 42) =>
        MobileNetV2Architecture.Build(widthMultiplier, seed);

    /// <summary>
    /// torchvision's resnet18 (BasicBlock) or resnet50 (v1.5 Bottleneck). Input "input" is float32
    /// [batch, 3, 224, 224] with a symbolic "batch" dimension; output "logits" is float32 [batch, 1000].
    /// </summary>
    /// <param name="depth">18 or 50.</param>
    /// <param name="seed">Seed for the weights; equal seeds give byte-identical models.</param>
    /// <returns>The serialised ModelProto.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="depth"/> is neither 18 nor 50.</exception>
    public static byte[] ResNet(int depth, int seed = 42) => ResNetArchitecture.Build(depth, seed);

    /// <summary>
    /// A tiny two-layer perceptron for fast tests: MatMul+Add+Relu then MatMul+Add. Input "input" is
    /// float32 [batch, <paramref name="inputSize"/>]; output "logits" is float32 [batch, <paramref name="outputs"/>].
    /// </summary>
    /// <param name="inputSize">Features per example.</param>
    /// <param name="hidden">Width of the hidden layer.</param>
    /// <param name="outputs">Number of logits.</param>
    /// <param name="seed">Seed for the weights; equal seeds give byte-identical models.</param>
    /// <returns>The serialised ModelProto.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is zero or negative.</exception>
    public static byte[] TinyMlp(int inputSize = 64, int hidden = 128, int outputs = 10, int seed = 42) =>
        TinyMlpArchitecture.Build(inputSize, hidden, outputs, seed);
}
