using EfficiencyDashboard.Runner.Inputs;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace EfficiencyDashboard.Runner.Tests.Techniques;

/// <summary>What tests read from a variant: its operators, its initializers, and its outputs on the CPU.</summary>
public static class VariantInspection
{
    public static int Count(byte[] model, string opType) =>
        ModelProto.Parser.ParseFrom(model).Graph.Node.Count(n => n.OpType == opType);

    public static GraphProto Graph(byte[] model) => ModelProto.Parser.ParseFrom(model).Graph;

    /// <summary>Runs the model on the CPU and returns its first output.</summary>
    public static float[] RunOnCpu(byte[] model, InputBatch batch)
    {
        using var session = new InferenceSession(model);
        var values = batch.Tensors.Select(t => t.ToOrtValue()).ToList();
        try
        {
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, [.. batch.Tensors.Select(t => t.Name)], values, [session.OutputNames[0]]);
            return outputs[0].GetTensorDataAsSpan<float>().ToArray();
        }
        finally
        {
            values.ForEach(v => v.Dispose());
        }
    }
}
