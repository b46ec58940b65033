namespace EfficiencyDashboard.Core.ReferenceData;

/// <summary>Whether an accelerator's figures were checked against the vendor's datasheet (source column <c>verified</c>).</summary>
public enum DatasheetCheck
{
    /// <summary><c>yes</c>: every figure was checked against the datasheet.</summary>
    Checked,

    /// <summary><c>partly</c>: some figures were checked; the source column says which were not.</summary>
    PartlyChecked,

    /// <summary><c>no</c>: taken from a secondary table; show with a caveat.</summary>
    NotChecked,
}
