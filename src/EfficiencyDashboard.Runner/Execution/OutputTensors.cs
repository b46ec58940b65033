using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Runner.Execution;

/// <summary>Pre-allocated output buffers, shaped like the outputs of a probe inference.</summary>
public sealed class OutputTensors : IDisposable
{
    private readonly List<OrtValue> _values = [];

    private OutputTensors(IReadOnlyList<string> names) => Names = names;

    public IReadOnlyList<string> Names { get; }

    public IReadOnlyList<OrtValue> Values => _values;

    public static OutputTensors LikeProbe(IReadOnlyList<string> names, IReadOnlyList<OrtValue> probe)
    {
        var outputs = new OutputTensors(names);
        foreach (var value in probe)
        {
            var info = value.GetTensorTypeAndShape();
            outputs._values.Add(OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, info.ElementDataType, info.Shape));
        }

        return outputs;
    }

    public void Dispose()
    {
        foreach (var value in _values)
        {
            value.Dispose();
        }

        _values.Clear();
    }
}
