namespace EfficiencyDashboard.Runner.ModelBuilding;

/// <summary>A two-layer perceptron small enough to build and run in milliseconds.</summary>
internal static class TinyMlpArchitecture
{
    public static byte[] Build(int inputSize, int hidden, int outputs, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hidden);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputs);

        var graph = new OnnxGraphBuilder("tiny_mlp", seed);
        var x = graph.AddBatchedInput("input", inputSize);
        x = graph.Dense(x, "fc1", inputSize, hidden, transposedWeight: false);
        x = graph.AddNode("Relu", "fc1.relu", [x]);
        x = graph.Dense(x, "fc2", hidden, outputs, transposedWeight: false);
        graph.Finish(x, "logits", outputs);
        return graph.ToModelBytes();
    }
}
