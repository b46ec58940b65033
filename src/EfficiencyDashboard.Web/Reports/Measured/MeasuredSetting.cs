using EfficiencyDashboard.Core.Reports.Aggregates;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Reports.Measured;

/// <summary>
/// What two runs must share to be compared: the machine, the execution provider that actually ran, the batch size, the
/// scenario and the input shapes beyond the batch (the sequence length of a text model, say).
/// </summary>
/// <param name="HardwareId">The machine; 0 when unknown.</param>
/// <param name="InputShapes">The shapes as <see cref="SettingKey.ShapesOf"/> writes them ("128"); empty for fixed shapes.</param>
public readonly record struct MeasuredSetting(int HardwareId, ExecutionProvider Provider, int BatchSize, Scenario Scenario, string InputShapes = "")
{
    /// <summary>The setting of an aggregate row, without its model.</summary>
    public static MeasuredSetting Of(SettingKey key) => new(key.HardwareId, key.Provider, key.BatchSize, key.Scenario, key.InputShapes);

    /// <summary>The same setting for another model.</summary>
    public SettingKey For(int modelId) => new(modelId, HardwareId, Provider, BatchSize, Scenario, InputShapes);

    /// <summary>The setting in words, without the machine: "CPU (as run), batch 1, single-stream, input shape 128".</summary>
    public string Describe() =>
        $"{Provider.DisplayName()} (as run), batch {BatchSize}, {Scenario.ApiName()}" + (InputShapes.Length > 0 ? $", input shape {InputShapes}" : "");
}
