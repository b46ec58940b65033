using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace EfficiencyDashboard.Runner.ModelBuilding;

/// <summary>
/// Accumulates an opset-17 ONNX graph with seeded random weights, so the architectures can be
/// written layer by layer in the same vocabulary as their papers.
/// </summary>
internal sealed class OnnxGraphBuilder
{
    private const long IrVersion = 8;
    private const long OpsetVersion = 17;
    private const int FloatType = (int)TensorProto.Types.DataType.Float;

    private readonly GraphProto _graph;
    private readonly SeededWeights _weights;
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);
    private string? _relu6Min;
    private string? _relu6Max;

    public OnnxGraphBuilder(string graphName, int seed)
    {
        _graph = new GraphProto { Name = graphName };
        _weights = new SeededWeights(seed);
    }


    /// <summary>Declares a float graph input whose first dimension is the symbolic batch size.</summary>
    public string AddBatchedInput(string name, params long[] featureDims) =>
        AddInput(name, TensorProto.Types.DataType.Float, Batched(featureDims));

    /// <summary>Declares a graph input whose dimensions may be fixed or symbolic (dynamic).</summary>
    public string AddInput(string name, TensorProto.Types.DataType elementType, params ShapeDimension[] dims)
    {
        _graph.Input.Add(TensorValueInfo.Create(name, elementType, dims));
        return name;
    }

    /// <summary>Declares a float graph output whose first dimension is the symbolic batch size.</summary>
    public void AddBatchedOutput(string name, params long[] featureDims) =>
        AddOutput(name, Batched(featureDims));

    /// <summary>Declares a float graph output whose dimensions may be fixed or symbolic.</summary>
    public void AddOutput(string name, params ShapeDimension[] dims) =>
        _graph.Output.Add(TensorValueInfo.Create(name, TensorProto.Types.DataType.Float, dims));

    /// <summary>Adds a float initializer stored as raw little-endian bytes, the fast bulk path.</summary>
    public string AddInitializer(string name, float[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = Claim(name), DataType = FloatType };
        tensor.Dims.AddRange(dims);
        if (!BitConverter.IsLittleEndian)
        {
            // ONNX raw_data is little-endian; reinterpreting host floats would be wrong here.
            throw new PlatformNotSupportedException("Model building requires a little-endian host.");
        }

        tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
        _graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    /// <summary>Adds a float initializer drawn from N(0, std²).</summary>
    public string AddNormalInitializer(string name, double std, params long[] dims) =>
        AddInitializer(name, _weights.Normal(checked((int)dims.Aggregate(1L, (a, b) => a * b)), std), dims);

    /// <summary>Adds an int64 initializer: shapes, axes and indices, which are not learnable parameters.</summary>
    public string AddInt64Initializer(string name, long[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = Claim(name), DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.AddRange(dims);
        tensor.Int64Data.AddRange(values);
        _graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    /// <summary>
    /// A float scalar as a Constant node rather than an initializer, so that arithmetic constants
    /// (GELU's 1/sqrt 2, attention scaling, mask fill) never count as learnable parameters.
    /// </summary>
    public string AddScalar(string name, float value)
    {
        var tensor = new TensorProto { DataType = FloatType };
        tensor.FloatData.Add(value);
        var attribute = new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = tensor };
        return AddNode("Constant", name, [], attribute);
    }

    /// <summary>Adds a node with a single output and returns that output's name.</summary>
    public string AddNode(string opType, string name, IEnumerable<string> inputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = Claim(name) };
        node.Input.AddRange(inputs);
        node.Output.Add(node.Name);
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);
        return node.Name;
    }

    /// <summary>
    /// Conv (no bias) followed by inference-mode BatchNormalization and an optional activation,
    /// the torchvision Conv2dNormActivation unit. Padding keeps "same" spatial size before stride.
    /// </summary>
    public string ConvBatchNorm(
        string input, string name, int inChannels, int outChannels, int kernel,
        int stride = 1, int groups = 1, Activation activation = Activation.Relu)
    {
        var fanIn = inChannels / groups * kernel * kernel;
        var weight = AddInitializer(
            $"{name}.conv.weight",
            _weights.KaimingNormal(outChannels * fanIn, fanIn),
            outChannels, inChannels / groups, kernel, kernel);
        var pad = (kernel - 1) / 2;
        var conv = AddNode("Conv", $"{name}.conv", [input, weight],
            Ints("kernel_shape", kernel, kernel),
            Ints("strides", stride, stride),
            Ints("pads", pad, pad, pad, pad),
            Int("group", groups));

        var normalized = BatchNorm(conv, $"{name}.bn", outChannels);
        return activation switch
        {
            Activation.None => normalized,
            Activation.Relu => AddNode("Relu", $"{name}.relu", [normalized]),
            Activation.Relu6 => Relu6(normalized, $"{name}.relu6"),
            _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, null),
        };
    }

    /// <summary>Conv with bias followed by ReLU, the unit of networks before batch norm (AlexNet, VGG).</summary>
    public string ConvRelu(string input, string name, int inChannels, int outChannels, int kernel, int stride, int pad)
    {
        var fanIn = inChannels * kernel * kernel;
        var weight = AddInitializer($"{name}.weight", _weights.KaimingNormal(outChannels * fanIn, fanIn), outChannels, inChannels, kernel, kernel);
        var bias = AddInitializer($"{name}.bias", new float[outChannels], outChannels);
        var conv = AddNode("Conv", name, [input, weight, bias],
            Ints("kernel_shape", kernel, kernel),
            Ints("strides", stride, stride),
            Ints("pads", pad, pad, pad, pad));
        return AddNode("Relu", $"{name}.relu", [conv]);
    }

    /// <summary>Inference-mode batch norm initialised to the identity (scale 1, bias 0, mean 0, var 1).</summary>
    public string BatchNorm(string input, string name, int channels)
    {
        var scale = AddInitializer($"{name}.weight", SeededWeights.Filled(channels, 1f), channels);
        var bias = AddInitializer($"{name}.bias", new float[channels], channels);
        var mean = AddInitializer($"{name}.running_mean", new float[channels], channels);
        var variance = AddInitializer($"{name}.running_var", SeededWeights.Filled(channels, 1f), channels);
        return AddNode("BatchNormalization", name, [input, scale, bias, mean, variance]);
    }

    /// <summary>ReLU6 as opset-17 Clip, whose bounds are inputs rather than attributes.</summary>
    public string Relu6(string input, string name)
    {
        _relu6Min ??= AddInitializer("relu6.min", [0f]);
        _relu6Max ??= AddInitializer("relu6.max", [6f]);
        return AddNode("Clip", name, [input, _relu6Min, _relu6Max]);
    }

    /// <summary>GlobalAveragePool + Flatten + Gemm with bias: the classifier head shared by both CNNs.</summary>
    public string PooledClassifier(string input, string name, int features, int classes)
    {
        var pooled = AddNode("GlobalAveragePool", $"{name}.avgpool", [input]);
        var flat = AddNode("Flatten", $"{name}.flatten", [pooled], Int("axis", 1));
        return Dense(flat, name, features, classes, transposedWeight: true);
    }

    /// <summary>
    /// A fully connected layer. With <paramref name="transposedWeight"/> it is a Gemm holding the
    /// weight as [out, in] like torch.nn.Linear; otherwise MatMul + Add with the weight as [in, out].
    /// </summary>
    public string Dense(string input, string name, int inFeatures, int outFeatures, bool transposedWeight)
    {
        // LeCun-style std keeps logits O(1) since no ReLU follows the classifier.
        var values = _weights.Normal(inFeatures * outFeatures, Math.Sqrt(1.0 / inFeatures));
        var bias = AddInitializer($"{name}.bias", _weights.Normal(outFeatures, 0.01), outFeatures);
        if (transposedWeight)
        {
            var weight = AddInitializer($"{name}.weight", values, outFeatures, inFeatures);
            return AddNode("Gemm", name, [input, weight, bias], Int("transB", 1));
        }

        var matrix = AddInitializer($"{name}.weight", values, inFeatures, outFeatures);
        var product = AddNode("MatMul", $"{name}.matmul", [input, matrix]);
        return AddNode("Add", name, [product, bias]);
    }

    /// <summary>Renames the final tensor to the public output name through an Identity node.</summary>
    public void Finish(string tensor, string outputName, params long[] featureDims) =>
        Finish(tensor, outputName, Batched(featureDims));

    /// <summary>Renames the final tensor to a float output with fixed or symbolic dimensions.</summary>
    public void Finish(string tensor, string outputName, params ShapeDimension[] dims)
    {
        AddNode("Identity", outputName, [tensor]);
        AddOutput(outputName, dims);
    }

    /// <summary>Serialises the graph as an ir_version 8, opset 17 model.</summary>
    public byte[] ToModelBytes()
    {
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "EfficiencyDashboard",
            Graph = _graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OpsetVersion });
        return model.ToByteArray();
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public static AttributeProto Text(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    public static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    private string Claim(string name) =>
        _usedNames.Add(name) ? name : throw new InvalidOperationException($"Duplicate tensor name '{name}'.");

    private static ShapeDimension[] Batched(long[] featureDims) =>
        [new ShapeDimension(-1, "batch"), .. featureDims.Select(d => (ShapeDimension)d)];
}
