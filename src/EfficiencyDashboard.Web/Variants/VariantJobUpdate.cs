using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Variants;

/// <summary>A change in a variant job, pushed to open pages.</summary>
public sealed record VariantJobUpdate(long JobId, int ParentId, RunStatus Status, string? Phase, string? Error, int? VariantId);
