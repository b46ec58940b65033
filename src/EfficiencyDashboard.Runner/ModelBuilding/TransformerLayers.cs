namespace EfficiencyDashboard.Runner.ModelBuilding;

/// <summary>
/// The encoder pieces BERT and ViT share, written as the exporters of Hugging Face and timm emit
/// them at opset 17: MatMul+Add projections, heads by Reshape/Transpose, an explicit scaled
/// dot-product, LayerNormalization, and GELU in its exact erf form (opset 17 has no Gelu op).
/// </summary>
/// <remarks>Dense weights are N(0, 0.02) with zero biases, BERT's and ViT's initialisation.</remarks>
internal sealed class TransformerLayers
{
    public const double InitStd = 0.02;

    private readonly OnnxGraphBuilder _graph;
    private readonly int _hidden;
    private readonly int _feedForward;
    private readonly float _epsilon;
    private readonly string _splitHeadsShape;
    private readonly string _mergeHeadsShape;
    private readonly string _attentionScale;
    private readonly string _sqrtTwo;
    private readonly string _one;
    private readonly string _half;

    public TransformerLayers(OnnxGraphBuilder graph, int hidden, int heads, int feedForward, float epsilon)
    {
        if (hidden <= 0 || heads <= 0 || feedForward <= 0 || hidden % heads != 0)
        {
            throw new ArgumentException($"Hidden size {hidden} must be a positive multiple of the head count {heads}, and the feed-forward size {feedForward} positive.");
        }

        _graph = graph;
        _hidden = hidden;
        _feedForward = feedForward;
        _epsilon = epsilon;
        var headSize = hidden / heads;
        // Reshape's 0 copies the input's dimension, so batch and sequence stay dynamic.
        _splitHeadsShape = graph.AddInt64Initializer("attention.split_heads_shape", [0, 0, heads, headSize], 4);
        _mergeHeadsShape = graph.AddInt64Initializer("attention.merge_heads_shape", [0, 0, hidden], 3);
        _attentionScale = graph.AddScalar("attention.scale", (float)(1.0 / Math.Sqrt(headSize)));
        _sqrtTwo = graph.AddScalar("gelu.sqrt_two", MathF.Sqrt(2f));
        _one = graph.AddScalar("gelu.one", 1f);
        _half = graph.AddScalar("gelu.half", 0.5f);
    }

    /// <summary>LayerNormalization over the last axis, scale 1 and bias 0 as initialised.</summary>
    public string LayerNorm(string input, string name)
    {
        var scale = _graph.AddInitializer($"{name}.weight", SeededWeights.Filled(_hidden, 1f), _hidden);
        var bias = _graph.AddInitializer($"{name}.bias", new float[_hidden], _hidden);
        return _graph.AddNode("LayerNormalization", name, [input, scale, bias],
            OnnxGraphBuilder.Int("axis", -1), OnnxGraphBuilder.Float("epsilon", _epsilon));
    }

    /// <summary>A dense layer as MatMul with an [in, out] weight, then Add of the bias.</summary>
    public string Linear(string input, string name, int inFeatures, int outFeatures)
    {
        var weight = _graph.AddNormalInitializer($"{name}.weight", InitStd, inFeatures, outFeatures);
        var bias = _graph.AddInitializer($"{name}.bias", new float[outFeatures], outFeatures);
        var product = _graph.AddNode("MatMul", $"{name}.matmul", [input, weight]);
        return _graph.AddNode("Add", name, [product, bias]);
    }

    /// <summary>
    /// Multi-head self-attention on [batch, sequence, hidden], including the output projection.
    /// <paramref name="additiveMask"/>, when given, is [batch, 1, 1, sequence] of 0 or a large negative.
    /// </summary>
    public string SelfAttention(string input, string name, string? additiveMask)
    {
        var query = SplitHeads(Linear(input, $"{name}.query", _hidden, _hidden), $"{name}.query", [0, 2, 1, 3]);
        // Keys are transposed to [batch, heads, head, sequence] so QK^T is a plain batched MatMul.
        var key = SplitHeads(Linear(input, $"{name}.key", _hidden, _hidden), $"{name}.key", [0, 2, 3, 1]);
        var value = SplitHeads(Linear(input, $"{name}.value", _hidden, _hidden), $"{name}.value", [0, 2, 1, 3]);

        var scores = _graph.AddNode("MatMul", $"{name}.scores", [query, key]);
        scores = _graph.AddNode("Mul", $"{name}.scaled_scores", [scores, _attentionScale]);
        if (additiveMask is not null)
        {
            scores = _graph.AddNode("Add", $"{name}.masked_scores", [scores, additiveMask]);
        }

        var probabilities = _graph.AddNode("Softmax", $"{name}.softmax", [scores], OnnxGraphBuilder.Int("axis", -1));
        var context = _graph.AddNode("MatMul", $"{name}.context", [probabilities, value]);
        context = _graph.AddNode("Transpose", $"{name}.context.transpose", [context], OnnxGraphBuilder.Ints("perm", 0, 2, 1, 3));
        context = _graph.AddNode("Reshape", $"{name}.context.merge", [context, _mergeHeadsShape]);
        return Linear(context, $"{name}.output", _hidden, _hidden);
    }

    /// <summary>The position-wise MLP: expand, GELU, project back.</summary>
    public string FeedForward(string input, string name)
    {
        var x = Linear(input, $"{name}.intermediate", _hidden, _feedForward);
        x = Gelu(x, $"{name}.gelu");
        return Linear(x, $"{name}.output", _feedForward, _hidden);
    }

    /// <summary>BERT's post-norm layer: LN(x + attention(x)), then LN(h + mlp(h)).</summary>
    public string PostNormEncoderLayer(string input, string name, string additiveMask)
    {
        var attention = SelfAttention(input, $"{name}.attention", additiveMask);
        var x = LayerNorm(_graph.AddNode("Add", $"{name}.attention.residual", [attention, input]), $"{name}.attention.norm");
        var mlp = FeedForward(x, $"{name}.mlp");
        return LayerNorm(_graph.AddNode("Add", $"{name}.mlp.residual", [mlp, x]), $"{name}.mlp.norm");
    }

    /// <summary>ViT's pre-norm layer: x + attention(LN(x)), then h + mlp(LN(h)).</summary>
    public string PreNormEncoderLayer(string input, string name)
    {
        var attention = SelfAttention(LayerNorm(input, $"{name}.norm1"), $"{name}.attention", additiveMask: null);
        var x = _graph.AddNode("Add", $"{name}.attention.residual", [input, attention]);
        var mlp = FeedForward(LayerNorm(x, $"{name}.norm2"), $"{name}.mlp");
        return _graph.AddNode("Add", $"{name}.mlp.residual", [x, mlp]);
    }

    /// <summary>GELU(x) = x * 0.5 * (1 + erf(x / sqrt 2)), the exact form BERT and ViT use.</summary>
    public string Gelu(string input, string name)
    {
        var scaled = _graph.AddNode("Div", $"{name}.div", [input, _sqrtTwo]);
        var erf = _graph.AddNode("Erf", $"{name}.erf", [scaled]);
        var shifted = _graph.AddNode("Add", $"{name}.add", [erf, _one]);
        var gated = _graph.AddNode("Mul", $"{name}.mul", [input, shifted]);
        return _graph.AddNode("Mul", name, [gated, _half]);
    }

    private string SplitHeads(string input, string name, long[] perm)
    {
        var heads = _graph.AddNode("Reshape", $"{name}.split_heads", [input, _splitHeadsShape]);
        return _graph.AddNode("Transpose", $"{name}.transpose", [heads], OnnxGraphBuilder.Ints("perm", perm));
    }
}
