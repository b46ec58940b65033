namespace EfficiencyDashboard.Core.Reports.Claims;

/// <summary>One row of the article's GPU table.</summary>
/// <param name="Gpu">The GPU as the article names it (<c>A100</c>).</param>
/// <param name="ClaimedTflops">The TFLOPS figure the article gives (the precision is not stated).</param>
/// <param name="ClaimedYear">The year the article gives.</param>
public sealed record GpuTableRow(string Gpu, double ClaimedTflops, int ClaimedYear);
