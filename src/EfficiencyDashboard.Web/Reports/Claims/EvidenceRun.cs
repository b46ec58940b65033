namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>A run behind a measured figure, with its page.</summary>
/// <param name="Id">The run id.</param>
/// <param name="Href">The run's page: <c>/runs/{id}</c>.</param>
/// <param name="Model">The model it measured.</param>
/// <param name="Role"><c>baseline</c> or <c>target</c>, with which of the side's runs it is (newest, fastest).</param>
public sealed record EvidenceRun(long Id, string Href, string Model, string Role);
