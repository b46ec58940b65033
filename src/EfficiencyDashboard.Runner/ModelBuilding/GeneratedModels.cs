namespace EfficiencyDashboard.Runner.ModelBuilding;

/// <summary>
/// Builds serialised ONNX models (ir_version 8, opset 17) with real architectures and
/// deterministic seeded weights, so benchmarks need no downloaded model files.
/// </summary>
/// <remarks>
/// CNN conv weights are Kaiming-normal (std = sqrt(2 / fan_in)) and batch norms start as the identity;
/// Transformer weights are N(0, 0.02) with layer norms at scale 1 and bias 0, as BERT and ViT initialise
/// them. Both keep activations finite and varied without any training.
/// </remarks>
public static class GeneratedModels
{
    /// <summary>
    /// A BERT-style text encoder (bert-base-uncased, DistilBERT, MiniLM-L6 through the
    /// <see cref="TransformerConfig"/> presets). Inputs "input_ids" and "attention_mask" (and
    /// "token_type_ids" when the config has token types) are int64 [batch, sequence] with symbolic
    /// "batch" and "sequence" dimensions, so a run must give the sequence length in inputShapes.
    /// Outputs: "last_hidden_state" float32 [batch, sequence, hidden], and "pooler_output" float32
    /// [batch, hidden] when the config has a pooler. Weights are N(0, 0.02), layer norms scale 1 and bias 0.
    /// </summary>
    /// <param name="config">The encoder's shape, for example <see cref="TransformerConfig.BertBase"/>.</param>
    /// <param name="seed">Seed for the weights; equal seeds give byte-identical models.</param>
    /// <returns>The serialised ModelProto.</returns>
    /// <exception cref="ArgumentException">A size in <paramref name="config"/> is not positive, or the heads do not divide the hidden size.</exception>
    public static byte[] BertEncoder(TransformerConfig config, int seed = 42) => BertArchitecture.Build(config, seed);

    /// <summary>
    /// ViT-B/16 (timm's vit_base_patch16_224). Input "input" is float32 [batch, 3, 224, 224] with a
    /// symbolic "batch" dimension; output "logits" is float32 [batch, 1000]. Weights are N(0, 0.02).
    /// </summary>
    /// <param name="seed">Seed for the weights; equal seeds give byte-identical models.</param>
    /// <returns>The serialised ModelProto.</returns>
    public static byte[] VisionTransformer(int seed = 42) => VisionTransformerArchitecture.Build(seed);

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
    /// torchvision's alexnet: five convolutions with ReLU and three max pools, then three fully connected layers; 61.1 M
    /// parameters and 0.71 GMACs at 224 x 224. Input "input" float32 [batch, 3, 224, 224]; output "logits" [batch, 1000].
    /// </summary>
    /// <param name="seed">Seed for the weights; equal seeds give byte-identical models.</param>
    /// <returns>The serialised ModelProto.</returns>
    public static byte[] AlexNet(int seed = 42) => ClassicCnnArchitecture.AlexNet(seed);

    /// <summary>
    /// torchvision's vgg16 (configuration D, without batch norm): thirteen 3x3 convolutions with ReLU, five max pools and
    /// three fully connected layers; 138.4 M parameters and 15.5 GMACs at 224 x 224. Same input and output as <see cref="AlexNet"/>.
    /// </summary>
    /// <param name="seed">Seed for the weights; equal seeds give byte-identical models.</param>
    /// <returns>The serialised ModelProto.</returns>
    public static byte[] Vgg16(int seed = 42) => ClassicCnnArchitecture.Vgg16(seed);

    /// <summary>
    /// A bidirectional LSTM text encoder (<see cref="LstmEncoderConfig.ElmoSize"/> by default). Inputs "input_ids" and
    /// "attention_mask" are int64 [batch, sequence], like the BERT encoders'; output "last_hidden_state" is float32
    /// [batch, sequence, 2 x hidden]. Padded positions (mask 0) are skipped by the recurrence.
    /// </summary>
    /// <param name="config">The encoder's shape.</param>
    /// <param name="seed">Seed for the weights; equal seeds give byte-identical models.</param>
    /// <returns>The serialised ModelProto.</returns>
    public static byte[] LstmEncoder(LstmEncoderConfig? config = null, int seed = 42) =>
        LstmEncoderArchitecture.Build(config ?? LstmEncoderConfig.ElmoSize, seed);

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
