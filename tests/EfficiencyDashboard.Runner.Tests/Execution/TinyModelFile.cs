using EfficiencyDashboard.Runner.ModelBuilding;

namespace EfficiencyDashboard.Runner.Tests.Execution;

/// <summary>A tiny generated model written to a temporary file for the runner to load.</summary>
public sealed class TinyModelFile : IDisposable
{
    public TinyModelFile()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("runner-tests-").FullName;
        Path = System.IO.Path.Combine(Directory, "tiny.onnx");
        File.WriteAllBytes(Path, GeneratedModels.TinyMlp());
    }

    public string Directory { get; }

    public string Path { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
