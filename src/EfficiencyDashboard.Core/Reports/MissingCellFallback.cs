namespace EfficiencyDashboard.Core.Reports;

/// <summary>What a decomposition does about missing cells. Nothing, unless a caller asks.</summary>
public enum MissingCellFallback
{
    /// <summary>Compute nothing; list the missing cells.</summary>
    None,

    /// <summary>
    /// Estimate a missing two-factor cell (110, 101, 011) as if its factors did not interact:
    /// e(000) x (e(single 1)/e(000)) x (e(single 2)/e(000)). Needs the baseline, the target and the three single-factor
    /// cells (100, 010, 001); those are never estimated. The result says which cells were estimated.
    /// </summary>
    AssumeNoInteraction,
}
