using EfficiencyDashboard.Core.Measurements;
using System.Text.Json;

namespace EfficiencyDashboard.Runner.Telemetry;

/// <summary>
/// Reads the JSON profile ONNX Runtime writes when profiling is enabled: a Chrome trace (an array of events, or an
/// object with "traceEvents"). Each executed node has a "Node" event named "&lt;node&gt;_kernel_time" whose args give
/// "op_name" and "provider".
/// </summary>
public static class OrtProfile
{
    private const string KernelSuffix = "_kernel_time";

    /// <summary>The provider of every node in the profile, once per node, in execution order.</summary>
    /// <exception cref="FormatException">The text is not an ONNX Runtime profile.</exception>
    public static IReadOnlyList<NodePlacement> ParseNodePlacements(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var events = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("traceEvents", out var wrapped)
                ? wrapped
                : document.RootElement;
            if (events.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("An ONNX Runtime profile is a JSON array of trace events.");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var nodes = new List<NodePlacement>();
            foreach (var e in events.EnumerateArray())
            {
                if (Text(e, "cat") != "Node" || Text(e, "name") is not { } name || !name.EndsWith(KernelSuffix, StringComparison.Ordinal)
                    || !e.TryGetProperty("args", out var args) || Text(args, "provider") is not { } provider)
                {
                    continue;
                }

                var nodeName = name[..^KernelSuffix.Length];
                if (seen.Add(nodeName))
                {
                    nodes.Add(new NodePlacement(nodeName, Text(args, "op_name") ?? "", provider));
                }
            }

            return nodes;
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The ONNX Runtime profile is not valid JSON: {ex.Message}", ex);
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
