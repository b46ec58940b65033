using System.Globalization;
using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Reports.DecompositionReport;

/// <summary>
/// One side of a decomposition: hardware (a machine with its execution provider), algorithm (none or a technique applied to
/// the architecture) and architecture (a model without parent). Written in addresses as <c>hardware:provider:technique:model</c>,
/// for example <c>1:cpu:int8-static:2</c> or <c>1:cpu:none:3</c>.
/// </summary>
public sealed record DecompositionConfiguration(int HardwareId, ExecutionProvider Provider, Technique? Technique, int ModelId)
{
    public static DecompositionConfiguration? Parse(string? text)
    {
        var parts = text?.Split(':');
        if (parts is not { Length: 4 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hardware)
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var model))
        {
            return null;
        }

        var provider = Enum.GetValues<ExecutionProvider>().Cast<ExecutionProvider?>().FirstOrDefault(p => p!.Value.ApiName() == parts[1]);
        var technique = TechniqueExtensions.Parse(parts[2]);
        return provider is null || (technique is null && parts[2] != "none") ? null : new(hardware, provider.Value, technique, model);
    }

    /// <summary>The hardware part of the address, <c>1:cpu</c>.</summary>
    public string HardwareKey => $"{HardwareId.ToString(CultureInfo.InvariantCulture)}:{Provider.ApiName()}";

    public string TechniqueName => Technique?.ApiName() ?? "none";

    public override string ToString() =>
        $"{HardwareKey}:{TechniqueName}:{ModelId.ToString(CultureInfo.InvariantCulture)}";
}
