using System.Globalization;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Core.Reports.Aggregates;

/// <summary>
/// What two runs of a model must share to be pooled or compared: the machine, the execution provider that actually ran,
/// the batch size, the scenario and the input shapes (the sequence length of a text model, say).
/// </summary>
/// <param name="HardwareId">The machine; 0 when unknown.</param>
/// <param name="InputShapes">The shapes beyond the batch, as <see cref="ShapesOf"/> writes them.</param>
public readonly record struct SettingKey(int ModelId, int HardwareId, ExecutionProvider Provider, int BatchSize, Scenario Scenario, string InputShapes)
{
    /// <summary>
    /// The shapes a run fed its model beyond the batch dimension: the run's own, else the model's defaults; each input's
    /// dimensions after the first joined by 'x', the distinct ones sorted and joined by ';' ("128" for BERT at 128 tokens,
    /// whichever of its inputs; empty for a model whose inputs are fixed). Models with different input names at the same
    /// sequence length get the same text, so architectures can be compared on one workload.
    /// </summary>
    public static string ShapesOf(IReadOnlyDictionary<string, int[]> runShapes, IReadOnlyDictionary<string, int[]> modelDefaults)
    {
        var effective = new Dictionary<string, int[]>(modelDefaults, StringComparer.Ordinal);
        foreach (var (name, dims) in runShapes)
        {
            effective[name] = dims;
        }

        return string.Join(';', effective.Values
            .Where(d => d.Length > 1)
            .Select(d => string.Join('x', d.Skip(1).Select(v => v.ToString(CultureInfo.InvariantCulture))))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal));
    }
}
