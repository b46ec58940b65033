namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>Everything the overview page and <c>GET /api/claims</c> show about the article's claims.</summary>
/// <param name="AsOf">The date the report is for (today).</param>
/// <param name="ReferenceDataVersion">Content hash of the reference data used.</param>
/// <param name="Runs">Whether INVALID runs were included (the page's switch).</param>
/// <param name="Rule">How evidence becomes a verdict, in one paragraph.</param>
/// <param name="Claims">The article's claims, overall first.</param>
/// <param name="GpuTable">The article's GPU table, row by row against the datasheets.</param>
/// <param name="ReferenceHeadlines">Two-year gains per task from MLPerf (reference).</param>
/// <param name="MeasuredHeadlines">Two-year gains per task from this install's runs (measured), or why there are none.</param>
public sealed record ClaimsOverview(
    DateOnly AsOf,
    string ReferenceDataVersion,
    RunSelection Runs,
    string Rule,
    IReadOnlyList<ClaimReport> Claims,
    IReadOnlyList<GpuTableRowView> GpuTable,
    IReadOnlyList<ReferenceHeadline> ReferenceHeadlines,
    IReadOnlyList<MeasuredHeadline> MeasuredHeadlines);
