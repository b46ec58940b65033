using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>
/// How ONNX Runtime's CPU provider handles a float16 model: it opens it, but runs every node that has no
/// float16 CPU kernel in float32 between Casts that it inserts itself. This reads the graph the provider
/// actually executes to say which operators kept float16.
/// </summary>
/// <param name="Failure">Why the CPU provider cannot open the model at all, or null when it can.</param>
/// <param name="NativeOps">Operator types that run in float16 on the CPU.</param>
/// <param name="Float32Ops">Operator types ONNX Runtime runs in float32 through inserted Casts.</param>
public sealed record Float16CpuSupport(string? Failure, IReadOnlyList<string> NativeOps, IReadOnlyList<string> Float32Ops)
{
    /// <summary>Opens a CPU session on the float16 model and inspects the graph it runs.</summary>
    public static Float16CpuSupport Of(byte[] model)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fp16-cpu-{Guid.NewGuid():N}.onnx");
        try
        {
            // Basic level: the cast insertion happens at partitioning, and nothing CPU-specific is fused that would rename ops.
            using (var options = new SessionOptions
            {
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_BASIC,
                OptimizedModelFilePath = path,
                LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
            })
            using (new InferenceSession(model, options))
            {
            }

            var native = Float16OpTypes(new ModelGraph(File.ReadAllBytes(path)));
            var requested = Float16OpTypes(new ModelGraph(model));
            return new Float16CpuSupport(null, [.. native.Order()], [.. requested.Except(native).Order()]);
        }
        catch (OnnxRuntimeException ex)
        {
            return new Float16CpuSupport(ex.Message.Split('\n')[0].Trim(), [], []);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Operator types with a float16 input or output (Casts and Constants aside).</summary>
    private static HashSet<string> Float16OpTypes(ModelGraph graph)
    {
        var types = ElementTypes.Infer(graph);
        return graph.Nodes
            .Where(n => n.OpType is not ("Cast" or "Constant") && n.Input.Concat(n.Output).Any(t => types.GetValueOrDefault(t) == TensorData.Float16))
            .Select(n => n.OpType)
            .ToHashSet(StringComparer.Ordinal);
    }
}
