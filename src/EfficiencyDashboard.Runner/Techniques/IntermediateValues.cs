using EfficiencyDashboard.Runner.Inputs;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>
/// Runs a model on the CPU with chosen intermediate tensors exposed as extra graph outputs, so calibration
/// and cost counting can read activations and shapes that the model itself does not return.
/// </summary>
internal static class IntermediateValues
{
    /// <summary>A copy of the model that also outputs <paramref name="tensors"/>.</summary>
    public static byte[] Expose(byte[] model, IEnumerable<string> tensors)
    {
        var graph = new ModelGraph(model);
        var types = ElementTypes.Infer(graph);
        var existing = new HashSet<string>(graph.Graph.Output.Select(o => o.Name), StringComparer.Ordinal);
        foreach (var name in tensors.Where(existing.Add))
        {
            graph.Graph.Output.Add(new ValueInfoProto
            {
                Name = name,
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = types.GetValueOrDefault(name, TensorData.Float) } },
            });
        }

        return graph.ToBytes();
    }

    /// <summary>Runs every batch and hands each requested tensor to <paramref name="visit"/> while its buffer is alive.</summary>
    public static void Collect(byte[] model, IReadOnlyList<string> names, IEnumerable<InputBatch> batches, Action<string, OrtValue> visit)
    {
        using var session = OpenSession(Expose(model, names));
        foreach (var batch in batches)
        {
            var inputs = batch.Tensors.Select(t => t.ToOrtValue()).ToList();
            try
            {
                using var runOptions = new RunOptions();
                using var outputs = session.Run(runOptions, [.. batch.Tensors.Select(t => t.Name)], inputs, names);
                for (var i = 0; i < names.Count; i++)
                {
                    visit(names[i], outputs[i]);
                }
            }
            finally
            {
                inputs.ForEach(v => v.Dispose());
            }
        }
    }

    /// <summary>A CPU session, with ONNX Runtime's refusal turned into a message about the model.</summary>
    public static InferenceSession OpenSession(byte[] model)
    {
        try
        {
            using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
            return new InferenceSession(model, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new TechniqueNotApplicableException($"ONNX Runtime cannot load the model on the CPU: {ex.Message}", ex);
        }
    }
}
