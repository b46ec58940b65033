using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Runner.Execution;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Runner.Telemetry;

/// <summary>
/// Finds where ONNX Runtime placed each node: opens a separate session with profiling on, runs one unmeasured
/// inference, and reads the provider of every node from the profile. The measured session is never profiled,
/// because profiling adds work to every inference.
/// </summary>
public static class NodePlacementProbe
{
    /// <summary>Profiles one inference of <paramref name="modelPath"/> with <paramref name="options"/> (profiling is switched off again afterwards).</summary>
    public static NodePlacementReport Capture(
        string modelPath, SessionOptions options, int batchSize, IReadOnlyDictionary<string, int[]>? inputShapes, int inputSeed)
    {
        var directory = Directory.CreateTempSubdirectory("ort-profile-");
        try
        {
            options.ProfileOutputPathPrefix = Path.Combine(directory.FullName, "placement");
            options.EnableProfiling = true;
            using var session = new InferenceSession(modelPath, options);
            options.EnableProfiling = false;
            using (var inputs = InputTensors.Create(session.InputMetadata, batchSize, inputShapes, inputSeed))
            using (var runOptions = new RunOptions())
            using (session.Run(runOptions, inputs.Names, inputs.Values, [.. session.OutputNames]))
            {
            }

            var profile = session.EndProfiling();
            var nodes = OrtProfile.ParseNodePlacements(File.ReadAllText(profile));
            var onCpu = nodes.Count(n => n.OnCpu);
            return new NodePlacementReport(true, nodes, $"From an ONNX Runtime profile of one unmeasured inference: {onCpu} of {nodes.Count} nodes ran on the CPU.");
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or RunnerException or FormatException or IOException)
        {
            return NodePlacementReport.NotChecked($"Node placement could not be profiled: {ex.Message}");
        }
        finally
        {
            options.EnableProfiling = false;
            directory.Delete(recursive: true);
        }
    }
}
