using EfficiencyDashboard.Runner.Inputs;

namespace EfficiencyDashboard.Web.Sandbox;

/// <summary>Derive a variant in a sandbox process: apply the technique, write the file, analyse it, measure fidelity.</summary>
/// <param name="Technique">The technique's API name, for example <c>int8-static</c>.</param>
/// <param name="BatchSize">Samples per calibration and comparison batch.</param>
/// <param name="InputsDescription">What the parent's inputs are, in words, for the fidelity record.</param>
/// <param name="OutputPath">Where the variant's file goes; removed by the caller when the build fails.</param>
public sealed record VariantBuildRequest(
    string ParentPath,
    string Technique,
    Dictionary<string, string> Parameters,
    CalibrationOptions Calibration,
    int BatchSize,
    string OutputPath,
    Dictionary<string, int[]> DefaultInputShapes,
    string InputsDescription)
{
    public const string Kind = "variant";

    /// <summary>The technique does not apply to this model, or the variant cannot be compared with its parent.</summary>
    public const string NotApplicable = "not-applicable";
}
