namespace EfficiencyDashboard.Web.Reports;

/// <summary>
/// Which stored results a report uses: the VALID ones (the default), or every one with the INVALID ones marked. The pages'
/// switch and the API carry it as <c>?invalid=include</c>.
/// </summary>
public enum RunSelection
{
    ValidOnly,
    IncludeInvalid,
}
