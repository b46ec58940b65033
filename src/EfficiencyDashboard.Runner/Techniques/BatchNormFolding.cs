using Onnx;

namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>
/// Folds inference-mode BatchNormalization into the Conv before it (scaled weights, shifted bias), as ONNX
/// Runtime's own pre-quantization step does, so quantization sees the weights that really multiply the input.
/// </summary>
internal static class BatchNormFolding
{
    /// <summary>Folds every Conv -> BatchNormalization pair whose Conv output feeds only the BN; returns how many.</summary>
    public static int Fold(ModelGraph graph)
    {
        var folded = 0;
        foreach (var bn in graph.Nodes.Where(n => n.OpType == "BatchNormalization").ToList())
        {
            var conv = graph.Producer(bn.Input[0]);
            if (conv is not { OpType: "Conv" } || graph.UseCount(conv.Output[0]) != 1 || bn.Output.Count > 1 && bn.Output.Skip(1).Any(o => o.Length > 0))
            {
                continue;
            }

            var weightTensor = graph.ConstantValue(conv.Input[1]);
            var parameters = Enumerable.Range(1, 4).Select(i => graph.ConstantFloats(bn.Input[i])).ToArray();
            if (weightTensor is not { DataType: TensorData.Float } || parameters.Any(p => p is null))
            {
                continue;
            }

            var (scale, shift, mean, variance) = (parameters[0]!, parameters[1]!, parameters[2]!, parameters[3]!);
            var epsilon = bn.Attribute.FirstOrDefault(a => a.Name == "epsilon")?.F ?? 1e-5f;
            var channels = (int)weightTensor.Dims[0];
            var weights = TensorData.ReadFloats(weightTensor);
            var bias = conv.Input.Count > 2 && conv.Input[2].Length > 0 ? graph.ConstantFloats(conv.Input[2]) : new float[channels];
            if (bias is null)
            {
                continue;
            }

            var per = weights.Length / channels;
            var newBias = new float[channels];
            for (var c = 0; c < channels; c++)
            {
                var factor = scale[c] / MathF.Sqrt(variance[c] + epsilon);
                for (var i = 0; i < per; i++)
                {
                    weights[c * per + i] *= factor;
                }

                newBias[c] = (bias[c] - mean[c]) * factor + shift[c];
            }

            var weightName = graph.FreshName(conv.Input[1] + "_folded");
            var biasName = graph.FreshName((conv.Name.Length > 0 ? conv.Name : conv.Output[0]) + "_folded_bias");
            graph.SetInitializer(TensorData.Floats(weightName, weights, [.. weightTensor.Dims]));
            graph.SetInitializer(TensorData.Floats(biasName, newBias, channels));
            conv.Input[1] = weightName;
            if (conv.Input.Count > 2)
            {
                conv.Input[2] = biasName;
            }
            else
            {
                conv.Input.Add(biasName);
            }

            conv.Output[0] = bn.Output[0];
            graph.Graph.Node.Remove(bn);
            folded++;
        }

        graph.RemoveUnusedInitializers();
        return folded;
    }
}
