using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Runner.ModelBuilding;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>The size and compute of a model: learnable parameters and multiply-accumulates per sample.</summary>
/// <param name="Parameters">Learnable float parameters, counted as <see cref="ModelParameters.CountParameters"/> does.</param>
/// <param name="MacsPerSample">
/// Multiply-accumulates of Conv, MatMul and Gemm nodes (and their integer forms) for one sample, from the shapes
/// of one CPU inference; element-wise operations are not counted. For text models, at <c>sequenceLength</c> tokens.
/// </param>
public sealed record ModelCost(long Parameters, long MacsPerSample)
{
    private static readonly HashSet<string> ComputeOps = new(StringComparer.Ordinal)
    {
        "Conv", "ConvInteger", "MatMul", "MatMulInteger", "Gemm",
    };

    /// <summary>Counts the parameters and runs one seeded sample to read the shapes the MAC count needs.</summary>
    /// <param name="model">A serialised ModelProto that runs on the CPU.</param>
    /// <param name="sequenceLength">The value given to dynamic dimensions other than the batch (tokens for text models).</param>
    public static ModelCost Measure(byte[] model, int sequenceLength = 128)
    {
        var graph = new ModelGraph(model);
        var nodes = graph.Nodes.Where(n => ComputeOps.Contains(n.OpType)).ToList();
        // Graph inputs cannot be exposed again as outputs; their shapes come from the fed values.
        var watched = nodes.SelectMany(n => new[] { n.Output[0], n.Input[0] }).Distinct().Where(t => !graph.IsGraphInput(t)).ToList();
        var shapes = new Dictionary<string, long[]>(StringComparer.Ordinal);
        long batch;
        using (var session = IntermediateValues.OpenSession(IntermediateValues.Expose(model, watched)))
        {
            var inputShapes = session.InputMetadata.ToDictionary(p => p.Key, p => p.Value.Dimensions.Select(d => d > 0 ? d : sequenceLength).ToArray());
            batch = session.InputMetadata.Values.First().Dimensions is [> 0 and var fixedBatch, ..] ? fixedBatch : 1;
            using var inputs = InputTensors.Create(session.InputMetadata, (int)batch, inputShapes, seed: 5);
            for (var i = 0; i < inputs.Names.Count; i++)
            {
                shapes[inputs.Names[i]] = inputs.Values[i].GetTensorTypeAndShape().Shape;
            }

            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, inputs.Names, inputs.Values, watched);
            for (var i = 0; i < watched.Count; i++)
            {
                shapes[watched[i]] = outputs[i].GetTensorTypeAndShape().Shape;
            }
        }

        var macs = nodes.Sum(node => Macs(graph, node, shapes));
        return new ModelCost(ModelParameters.CountParameters(model), macs / batch);
    }

    private static long Macs(ModelGraph graph, NodeProto node, Dictionary<string, long[]> shapes)
    {
        var outputElements = shapes[node.Output[0]].Aggregate(1L, (a, b) => a * b);
        if (node.OpType is "Conv" or "ConvInteger")
        {
            // Each output element sums over (input channels / groups) x kernel: the weight's dims after the first.
            var weight = WeightDims(graph, node.Input[1]);
            return weight is null ? 0 : outputElements * weight.Skip(1).Aggregate(1L, (a, b) => a * b);
        }

        var input = shapes[node.Input[0]];
        var inner = node.OpType == "Gemm" && ModelGraph.IntAttribute(node, "transA", 0) == 1 ? input[0] : input[^1];
        return outputElements * inner;
    }

    private static long[]? WeightDims(ModelGraph graph, string name)
    {
        if (graph.ConstantValue(name) is { } tensor)
        {
            return [.. tensor.Dims];
        }

        // Quantized weights reach the Conv through a DequantizeLinear of an int8 initializer.
        var producer = graph.Producer(name);
        return producer is { OpType: "DequantizeLinear" } && graph.ConstantValue(producer.Input[0]) is { } quantized
            ? [.. quantized.Dims]
            : null;
    }
}
