using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Runner.Inputs;
using Onnx;

namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>
/// The int8-static technique in ONNX's QDQ form: BatchNormalization is folded into Conv, then every Conv, MatMul
/// and Gemm with a constant weight reads DequantizeLinear(int8 weight, one symmetric scale per output channel),
/// and its input activation (and a Conv's or Gemm's output) passes through a QuantizeLinear -> DequantizeLinear
/// pair with a uint8 range calibrated on a <see cref="CalibrationSet"/>. Biases become int32 at scale input x weight.
/// ONNX Runtime's CPU provider fuses these patterns into QLinearConv, QGemm and MatMulIntegerToFloat.
/// </summary>
public static class StaticQuantization
{
    private const long QdqOpset = 13;

    /// <summary>Calibrates and quantizes the parent.</summary>
    /// <param name="parent">A serialised float32 ModelProto.</param>
    /// <param name="calibration">Batches for the parent's inputs, from <see cref="CalibrationSet.For"/>.</param>
    /// <param name="options">Calibration method and weight range; MinMax and full-range weights by default.</param>
    /// <exception cref="TechniqueNotApplicableException">
    /// No Conv, MatMul or Gemm has a constant weight, or the opset cannot be raised to 13 (per-channel DequantizeLinear).
    /// </exception>
    public static TechniqueResult Apply(byte[] parent, CalibrationSet calibration, StaticQuantizationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        options ??= new StaticQuantizationOptions();
        var graph = new ModelGraph(parent);
        var types = ElementTypes.Infer(graph);
        if (!graph.Nodes.Any(n => IsTarget(graph, n, types)))
        {
            throw new TechniqueNotApplicableException(
                "int8-static quantizes Conv, MatMul and Gemm nodes with constant float weights, and this model has none.");
        }

        var opsetNote = OpsetUpgrade.RaiseTo(graph, QdqOpset);
        var folded = BatchNormFolding.Fold(graph);
        types = ElementTypes.Infer(graph);
        var targets = graph.Nodes.Where(n => IsTarget(graph, n, types)).ToList();
        // MatMul outputs stay float: ONNX Runtime then fuses DQ -> MatMul into MatMulIntegerToFloat, and requantizing
        // Transformer projections before their bias costs accuracy (MiniLM cosine 0.947 with, 0.994 without).
        var activations = targets.SelectMany(n => n.OpType == "MatMul" ? new[] { n.Input[0] } : new[] { n.Input[0], n.Output[0] })
            .Where(t => types.GetValueOrDefault(t) == TensorData.Float).Distinct().ToList();

        var ranges = ActivationRanges.Calibrate(graph.ToBytes(), activations, calibration, options);
        var parameters = activations.ToDictionary(t => t, t => UInt8Parameters(ranges[t]), StringComparer.Ordinal);
        foreach (var node in targets)
        {
            QuantizeWeightAndBias(graph, node, parameters[node.Input[0]].Scale, options.ReduceRange);
        }

        var targetInputs = targets.Select(n => n.Input[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var tensor in activations)
        {
            // A target's output is requantized for every reader (the QDQ node unit ONNX Runtime fuses); a tensor that is only
            // a target's input is dequantized for the targets alone, so residual additions and shape reads keep float values.
            var readers = targetInputs.Contains(tensor) && !targets.Any(t => t.Output[0] == tensor)
                ? targets.Where(t => t.Input[0] == tensor).ToList()
                : null;
            InsertQuantizeDequantize(graph, tensor, parameters[tensor], readers);
        }

        graph.RemoveUnusedInitializers();
        graph.SortTopologically();
        var method = options.Method == CalibrationMethod.MinMax ? "MinMax" : $"{options.Percentile}th-percentile";
        var description =
            $"QDQ int8: {targets.Count} Conv/MatMul/Gemm nodes ({string.Join(", ", targets.GroupBy(n => n.OpType).Select(g => $"{g.Count()} {g.Key}"))}) " +
            $"read int8 weights (symmetric, per output channel{(options.ReduceRange ? ", 7-bit" : "")}) and int32 biases; {activations.Count} activation tensors " +
            $"(inputs of those nodes, outputs of Conv and Gemm) get uint8 QuantizeLinear/DequantizeLinear pairs calibrated with {method} on {calibration.SampleCount} samples. " +
            $"{folded} BatchNormalization nodes were folded into their Conv first.{opsetNote}";
        return new TechniqueResult(Technique.Int8Static, graph.ToBytes(), description, new Dictionary<string, long>
        {
            ["quantizedNodes"] = targets.Count,
            ["quantizedActivations"] = activations.Count,
            ["foldedBatchNorms"] = folded,
            ["calibrationSamples"] = calibration.SampleCount,
        });
    }

    private static bool IsTarget(ModelGraph graph, NodeProto node, Dictionary<string, int> types)
    {
        if (node.OpType is not ("Conv" or "MatMul" or "Gemm") || node.Input.Count < 2 || types.GetValueOrDefault(node.Input[0]) != TensorData.Float)
        {
            return false;
        }

        var weight = graph.ConstantValue(node.Input[1]);
        return node.OpType switch
        {
            "Conv" => weight is { DataType: TensorData.Float, Dims.Count: >= 3 },
            "Gemm" => weight is { DataType: TensorData.Float, Dims.Count: 2 } && ModelGraph.IntAttribute(node, "transA", 0) == 0,
            _ => weight is { DataType: TensorData.Float, Dims.Count: 2 },
        };
    }

    /// <summary>Asymmetric uint8 parameters for a range widened to include 0, so that 0 is exactly representable (padding, ReLU).</summary>
    private static (float Scale, byte ZeroPoint) UInt8Parameters((float Min, float Max) range)
    {
        var min = Math.Min(range.Min, 0f);
        var max = Math.Max(range.Max, 0f);
        var scale = (max - min) / 255f;
        if (scale <= 0 || !float.IsFinite(scale))
        {
            return (1f, 0);
        }

        return (scale, (byte)Math.Clamp(Math.Round(-min / scale), 0, 255));
    }

    private static void QuantizeWeightAndBias(ModelGraph graph, NodeProto node, float inputScale, bool reduceRange)
    {
        var tensor = graph.ConstantValue(node.Input[1])!;
        var weights = TensorData.ReadFloats(tensor);
        // Output channels: Conv and transposed-Gemm weights are [out, ...] (axis 0); MatMul and plain Gemm weights are [in, out] (axis 1).
        var axis = node.OpType == "Conv" || (node.OpType == "Gemm" && ModelGraph.IntAttribute(node, "transB", 0) == 1) ? 0 : 1;
        var (values, scales) = axis == 0
            ? WeightQuantization.PerChannelRowMajor(weights, (int)tensor.Dims[0], reduceRange)
            : WeightQuantization.PerColumn(weights, (int)tensor.Dims[0], (int)tensor.Dims[1], reduceRange);
        var stem = node.Name.Length > 0 ? node.Name : node.Output[0];
        node.Input[1] = Dequantized(graph, stem + "_weight", TensorData.Int8s(graph.FreshName(stem + "_weight_int8"), values, [.. tensor.Dims]),
            scales, new sbyte[scales.Length], axis);

        var hasBias = node.OpType != "MatMul" && node.Input.Count > 2 && node.Input[2].Length > 0;
        var bias = hasBias ? graph.ConstantFloats(node.Input[2]) : null;
        if (bias is null || bias.Length != scales.Length || (node.OpType == "Gemm" && node.Attribute.Any(a => a.Name is "alpha" or "beta" && a.F != 1f)))
        {
            return;
        }

        var biasScales = scales.Select(s => s * inputScale).ToArray();
        var quantized = bias.Select((b, i) => (int)Math.Clamp(Math.Round(b / biasScales[i]), int.MinValue, int.MaxValue)).ToArray();
        node.Input[2] = Dequantized(graph, stem + "_bias", TensorData.Int32s(graph.FreshName(stem + "_bias_int32"), quantized, quantized.Length),
            biasScales, new int[quantized.Length], axis: 0);
    }

    private static string Dequantized<T>(ModelGraph graph, string stem, TensorProto quantized, float[] scales, T[] zeroPoints, int axis)
        where T : unmanaged
    {
        var scaleName = graph.FreshName(stem + "_scale");
        var zeroName = graph.FreshName(stem + "_zero_point");
        graph.SetInitializer(quantized);
        graph.SetInitializer(TensorData.Floats(scaleName, scales, scales.Length));
        graph.SetInitializer(zeroPoints switch
        {
            sbyte[] int8 => TensorData.Int8s(zeroName, int8, int8.Length),
            int[] int32 => TensorData.Int32s(zeroName, int32, int32.Length),
            _ => throw new NotSupportedException(typeof(T).Name),
        });
        var output = graph.FreshName(stem + "_dequantized");
        var node = graph.AddNode("DequantizeLinear", [quantized.Name, scaleName, zeroName], [output], stem + "_DequantizeLinear");
        ModelGraph.SetIntAttribute(node, "axis", axis);
        return output;
    }

    private static void InsertQuantizeDequantize(ModelGraph graph, string tensor, (float Scale, byte ZeroPoint) parameters, List<NodeProto>? readers)
    {
        var scaleName = graph.FreshName(tensor + "_scale");
        var zeroName = graph.FreshName(tensor + "_zero_point");
        graph.SetInitializer(TensorData.Floats(scaleName, [parameters.Scale]));
        graph.SetInitializer(TensorData.UInt8s(zeroName, [parameters.ZeroPoint]));
        var quantized = graph.FreshName(tensor + "_quantized");
        var dequantized = graph.FreshName(tensor + "_dequantized");
        var quantize = graph.AddNode("QuantizeLinear", [tensor, scaleName, zeroName], [quantized], tensor + "_QuantizeLinear");
        var dequantize = graph.AddNode("DequantizeLinear", [quantized, scaleName, zeroName], [dequantized], tensor + "_DequantizeLinear");
        // Graph outputs keep the float tensor.
        if (readers is null)
        {
            graph.RedirectConsumers(tensor, dequantized, quantize, dequantize);
            return;
        }

        foreach (var reader in readers)
        {
            reader.Input[0] = dequantized;
        }
    }
}
