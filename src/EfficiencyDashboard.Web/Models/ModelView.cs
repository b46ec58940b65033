using EfficiencyDashboard.Core.Catalog;

namespace EfficiencyDashboard.Web.Models;

/// <summary>A catalog model as the HTTP API returns it: where it came from, its static analysis and its lineage.</summary>
public sealed record ModelView(
    int Id,
    string? Key,
    string Name,
    string Family,
    string Task,
    string Source,
    string Provenance,
    long ParameterCount,
    long MacsPerSample,
    long FlopsPerSample,
    long Opset,
    string? Producer,
    long FileSizeBytes,
    int? FixedBatchSize,
    IReadOnlyList<TensorSignature> Inputs,
    IReadOnlyList<TensorSignature> Outputs,
    IReadOnlyDictionary<string, int[]> DefaultInputShapes,
    IReadOnlyDictionary<string, int> OperatorCounts,
    IReadOnlyList<OperatorMacs> OperatorMacs,
    bool ClassifiedByEngineer,
    int? ParentId,
    Technique? Technique,
    IReadOnlyDictionary<string, string> TechniqueParameters,
    int? TeacherId,
    string? ReferenceQuality,
    FidelityReport? Fidelity,
    DateTime AddedAtUtc)
{
    public static ModelView From(Model m) => new(
        m.Id, m.Key, m.Name, m.Family.ToString(), m.Task, m.Source.ToString(), m.Provenance, m.ParameterCount, m.MacsPerSample,
        m.FlopsPerSample, m.Opset, m.Producer, m.FileSizeBytes, m.FixedBatchSize, m.Inputs, m.Outputs, m.DefaultInputShapes,
        m.OperatorCounts, m.OperatorMacs, m.ClassifiedByEngineer, m.ParentId, m.Technique, m.TechniqueParameters, m.TeacherId,
        m.ReferenceQuality, m.Fidelity, m.AddedAtUtc);
}
