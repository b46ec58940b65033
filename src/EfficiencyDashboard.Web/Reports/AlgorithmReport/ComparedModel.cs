using EfficiencyDashboard.Core.Catalog;

namespace EfficiencyDashboard.Web.Reports.AlgorithmReport;

/// <summary>A model on one side of an algorithm comparison: the variant (or student) or its parent (or teacher).</summary>
/// <param name="Fidelity">Measured fidelity to the parent; null for parents and for students without a measurement.</param>
/// <param name="ReferenceQuality">A student's published quality relative to its teacher, with its source: reference, not measured.</param>
public sealed record ComparedModel(
    int Id,
    string Name,
    Technique? Technique,
    IReadOnlyDictionary<string, string> TechniqueParameters,
    long ParameterCount,
    long MacsPerSample,
    FidelityReport? Fidelity,
    string? ReferenceQuality,
    int? ParentId,
    int? TeacherId)
{
    /// <summary>The technique with its parameters, for example <c>int8-static (calibration=percentile)</c>.</summary>
    public string TechniqueText => Technique is not { } technique
        ? "none"
        : TechniqueParameters.Count == 0
            ? technique.ApiName()
            : $"{technique.ApiName()} ({string.Join(", ", TechniqueParameters.Select(p => $"{p.Key}={p.Value}"))})";
}
