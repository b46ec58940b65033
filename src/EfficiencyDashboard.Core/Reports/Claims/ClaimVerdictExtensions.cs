namespace EfficiencyDashboard.Core.Reports.Claims;

public static class ClaimVerdictExtensions
{
    /// <summary>The verdict as the API and exports spell it: supported, contradicted-below, mixed, ...</summary>
    public static string ApiName(this ClaimVerdict verdict) => verdict switch
    {
        ClaimVerdict.Supported => "supported",
        ClaimVerdict.ContradictedBelow => "contradicted-below",
        ClaimVerdict.ContradictedAbove => "contradicted-above",
        ClaimVerdict.Mixed => "mixed",
        ClaimVerdict.Contradicted => "contradicted",
        _ => "not-enough-evidence",
    };

    /// <summary>The verdict as a page writes it: "contradicted (below)".</summary>
    public static string DisplayName(this ClaimVerdict verdict) => verdict switch
    {
        ClaimVerdict.Supported => "supported",
        ClaimVerdict.ContradictedBelow => "contradicted (below)",
        ClaimVerdict.ContradictedAbove => "contradicted (above)",
        ClaimVerdict.Mixed => "mixed",
        ClaimVerdict.Contradicted => "contradicted",
        _ => "not enough evidence",
    };

    /// <summary>Whether the evidence goes against the claim, in either direction.</summary>
    public static bool IsContradiction(this ClaimVerdict verdict) =>
        verdict is ClaimVerdict.ContradictedBelow or ClaimVerdict.ContradictedAbove or ClaimVerdict.Contradicted;
}
