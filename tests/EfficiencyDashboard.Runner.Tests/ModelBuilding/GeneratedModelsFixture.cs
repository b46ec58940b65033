using System.Collections.Concurrent;
using EfficiencyDashboard.Runner.ModelBuilding;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Runner.Tests.ModelBuilding;

/// <summary>
/// Builds every generated model once per test class and caches one CPU session per model,
/// because building and optimising ResNet-50 dominates the test run on a small machine.
/// </summary>
public sealed class GeneratedModelsFixture : IDisposable
{
    private readonly Dictionary<string, Lazy<byte[]>> _models = new(StringComparer.Ordinal)
    {
        ["mobilenet_v2_1.0"] = new(() => GeneratedModels.MobileNetV2(1.0)),
        ["mobilenet_v2_0.5"] = new(() => GeneratedModels.MobileNetV2(0.5)),
        ["resnet18"] = new(() => GeneratedModels.ResNet(18)),
        ["resnet50"] = new(() => GeneratedModels.ResNet(50)),
        ["tiny_mlp"] = new(() => GeneratedModels.TinyMlp()),
    };

    private readonly ConcurrentDictionary<string, Lazy<InferenceSession>> _sessions = new(StringComparer.Ordinal);

    /// <summary>Names accepted by <see cref="Model"/> and <see cref="Session"/>.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["mobilenet_v2_1.0", "mobilenet_v2_0.5", "resnet18", "resnet50", "tiny_mlp"];

    public byte[] Model(string name) => _models[name].Value;

    public InferenceSession Session(string name) =>
        _sessions.GetOrAdd(name, n => new Lazy<InferenceSession>(() => new InferenceSession(Model(n)))).Value;

    public void Dispose()
    {
        foreach (var session in _sessions.Values.Where(s => s.IsValueCreated))
        {
            session.Value.Dispose();
        }
    }
}
