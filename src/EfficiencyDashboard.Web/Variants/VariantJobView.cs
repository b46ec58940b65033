using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Variants;

/// <summary>A variant job as the HTTP API returns it.</summary>
public sealed record VariantJobView(
    long Id, int ParentId, Technique Technique, IReadOnlyDictionary<string, string> Parameters, RunStatus Status, string? Phase,
    string? Error, int? VariantId, DateTime CreatedAtUtc, DateTime? FinishedAtUtc)
{
    public static VariantJobView From(VariantJob j) =>
        new(j.Id, j.ParentId, j.Technique, j.Parameters, j.Status, j.Phase, j.Error, j.VariantId, j.CreatedAtUtc, j.FinishedAtUtc);
}
