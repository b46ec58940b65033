using EfficiencyDashboard.Core.Measurements;
using System.Text.Json;

namespace EfficiencyDashboard.Runner.Telemetry;

/// <summary>
/// Reads the JSON profile ONNX Runtime writes when profiling is enabled: a Chrome trace (an array of events, or an
/// object with "traceEvents"). Each executed node has a "Node" event named "&lt;node&gt;_kernel_time" whose args give
/// "op_name", "provider" and, in current versions, "output_type_shape": one {"element type": [dims]} object per output.
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
                    nodes.Add(new NodePlacement(nodeName, Text(args, "op_name") ?? "", provider, IsShapeComputation(args)));
                }
            }

            return nodes;
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The ONNX Runtime profile is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Whether every output is a small integer tensor (see <see cref="NodePlacement.ShapeComputation"/>); false when the profile does not say.</summary>
    private static bool IsShapeComputation(JsonElement args)
    {
        if (!args.TryGetProperty("output_type_shape", out var outputs) || outputs.ValueKind != JsonValueKind.Array || outputs.GetArrayLength() == 0)
        {
            return false;
        }

        foreach (var output in outputs.EnumerateArray())
        {
            if (output.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var (type, dims) in output.EnumerateObject().Select(p => (p.Name, p.Value)))
            {
                if (!IntegerTypes.Contains(type) || dims.ValueKind != JsonValueKind.Array)
                {
                    return false;
                }

                long elements = 1;
                foreach (var dim in dims.EnumerateArray())
                {
                    if (!dim.TryGetInt64(out var size) || size < 0)
                    {
                        return false;
                    }

                    elements *= size;
                    if (elements > NodePlacement.MaxShapeElements)
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    /// <summary>ONNX Runtime's names of the integer element types a shape is held in.</summary>
    private static readonly HashSet<string> IntegerTypes = new(StringComparer.Ordinal) { "int64", "int32" };

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
