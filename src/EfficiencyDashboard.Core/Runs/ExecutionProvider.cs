using System.Text.Json.Serialization;

namespace EfficiencyDashboard.Core.Runs;

/// <summary>The ONNX Runtime execution provider a run asks for, or the one that actually ran it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExecutionProvider>))]
public enum ExecutionProvider
{
    [JsonStringEnumMemberName("cpu")]
    Cpu,

    [JsonStringEnumMemberName("cuda")]
    Cuda,

    [JsonStringEnumMemberName("tensorrt")]
    TensorRt,
}
