using EfficiencyDashboard.Runner.Execution;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Runner.Tests.Execution;

public sealed class InputTensorsTests(TinyModelFile model) : IClassFixture<TinyModelFile>
{
    [Fact]
    public void Inputs_take_the_batch_size_as_their_first_dimension()
    {
        using var session = new InferenceSession(model.Path);
        using var inputs = InputTensors.Create(session.InputMetadata, 8, null, seed: 1);

        Assert.Equal([8L, 64L], inputs.Values[0].GetTensorTypeAndShape().Shape);
    }

    [Fact]
    public void Inputs_are_the_same_for_the_same_seed()
    {
        using var session = new InferenceSession(model.Path);
        using var a = InputTensors.Create(session.InputMetadata, 2, null, seed: 7);
        using var b = InputTensors.Create(session.InputMetadata, 2, null, seed: 7);

        Assert.Equal(a.Values[0].GetTensorDataAsSpan<float>().ToArray(), b.Values[0].GetTensorDataAsSpan<float>().ToArray());
    }
}
