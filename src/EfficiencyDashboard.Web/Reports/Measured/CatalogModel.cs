using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.ReferenceData;

namespace EfficiencyDashboard.Web.Reports.Measured;

/// <summary>A catalog model as the reports see it: lineage, size, and the published facts of its architecture.</summary>
/// <param name="Published">What the papers publish of its architecture (a variant has its parent's); null when nothing is.</param>
public sealed record CatalogModel(
    int Id,
    string? Key,
    string Name,
    ModelFamily Family,
    string Task,
    int? ParentId,
    int? TeacherId,
    Technique? Technique,
    IReadOnlyDictionary<string, string> TechniqueParameters,
    long ParameterCount,
    long MacsPerSample,
    long FlopsPerSample,
    IReadOnlyList<OperatorMacs> OperatorMacs,
    FidelityReport? Fidelity,
    string? ReferenceQuality,
    DateTime AddedAtUtc,
    PublishedArchitecture? Published)
{
    /// <summary>
    /// fp16 or int8 for variants made with those techniques; otherwise the precision of most of the model's MACs (an
    /// uploaded fp16 or integer model says so), fp32 when nothing says otherwise.
    /// </summary>
    public string Precision => Technique switch
    {
        Core.Catalog.Technique.Fp16 => "fp16",
        Core.Catalog.Technique.Int8Dynamic or Core.Catalog.Technique.Int8Static => "int8",
        _ => OperatorMacs.OrderByDescending(m => m.MacsPerSample).FirstOrDefault()?.Precision switch
        {
            "float16" => "fp16",
            "bfloat16" => "bf16",
            { } p when p.Contains("int8", StringComparison.Ordinal) => "int8",
            _ => "fp32",
        },
    };

    /// <summary>The technique with its parameters, for example <c>int8-static (calibration=percentile)</c>; "none" for a base model.</summary>
    public string TechniqueText => Technique is not { } technique
        ? "none"
        : TechniqueParameters.Count == 0
            ? technique.ApiName()
            : $"{technique.ApiName()} ({string.Join(", ", TechniqueParameters.Select(p => $"{p.Key}={p.Value}"))})";

    /// <summary>The published quality of the architecture, when there is a figure.</summary>
    public double? Quality => Published?.Quality;
}
