using System.Text.Json;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Reports.AlgorithmReport;

/// <summary>
/// What two runs must share to be compared: the machine, the execution provider, the batch size, the scenario and the
/// input shapes (the sequence length of a text model, say).
/// </summary>
/// <param name="InputShapes">The run's input shapes as stored (JSON text; "{}" for the model's defaults).</param>
public readonly record struct MeasuredSetting(int? HardwareId, ExecutionProvider Provider, int BatchSize, Scenario Scenario, string InputShapes = "{}")
{
    /// <summary>The setting in words, without the machine.</summary>
    public string Describe() => $"{Provider.DisplayName()}, batch {BatchSize}, {Scenario.ApiName()}" + (DescribeInputs() is { Length: > 0 } inputs ? $", inputs {inputs}" : "");

    private string DescribeInputs()
    {
        try
        {
            var shapes = JsonSerializer.Deserialize<Dictionary<string, int[]>>(InputShapes) ?? [];
            return string.Join("; ", shapes.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}=[{string.Join(",", s.Value)}]"));
        }
        catch (JsonException)
        {
            return InputShapes;
        }
    }
}
