using EfficiencyDashboard.Core.Reports.Claims;

namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>A claim's measured evidence on the CPU or on GPUs alone.</summary>
/// <param name="Kind">CPU or GPU.</param>
/// <param name="Estimate">The pooled estimate over that hardware's comparisons; null when none ran there.</param>
/// <param name="Verdict">The rule applied to that estimate.</param>
public sealed record HardwareBreakdown(string Kind, CentralEstimate? Estimate, ClaimVerdict Verdict);
