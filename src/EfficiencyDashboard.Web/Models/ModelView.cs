using EfficiencyDashboard.Core.Catalog;

namespace EfficiencyDashboard.Web.Models;

/// <summary>A catalog model as the HTTP API returns it.</summary>
public sealed record ModelView(
    int Id,
    string? Key,
    string Name,
    string Family,
    string Task,
    string Source,
    string Provenance,
    long ParameterCount,
    long FileSizeBytes,
    int? FixedBatchSize,
    IReadOnlyList<TensorSignature> Inputs,
    IReadOnlyList<TensorSignature> Outputs,
    DateTime AddedAtUtc)
{
    public static ModelView From(Model m) => new(
        m.Id, m.Key, m.Name, m.Family.ToString(), m.Task, m.Source.ToString(), m.Provenance, m.ParameterCount, m.FileSizeBytes,
        m.FixedBatchSize, m.Inputs, m.Outputs, m.AddedAtUtc);
}
