using System.Globalization;
using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Core.Reports.Claims;
using MudBlazor;

namespace EfficiencyDashboard.Web.Components.Overview;

/// <summary>How the overview writes gains, ranges and verdicts.</summary>
public static class ClaimFigures
{
    /// <summary>A gain factor: 1.97x.</summary>
    public static string Factor(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    /// <summary>A range of factors: 1.16-2.00x, or one factor when both ends round alike.</summary>
    public static string Range(double? low, double? high) =>
        low is not { } l || high is not { } h ? "-"
        : Math.Round(l, 2) == Math.Round(h, 2) ? Factor(l)
        : l.ToString("0.00", CultureInfo.InvariantCulture) + "-" + Factor(h);

    /// <summary>A number with up to three decimals and thousands separators.</summary>
    public static string Number(double? value) => value is { } v ? v.ToString("#,0.###", CultureInfo.InvariantCulture) : "-";

    public static string VerdictName(ClaimVerdict verdict) => verdict switch
    {
        ClaimVerdict.Supported => "supported",
        ClaimVerdict.Contradicted => "contradicted",
        _ => "not enough evidence",
    };

    public static string VerdictKey(ClaimVerdict verdict) => verdict switch
    {
        ClaimVerdict.Supported => "supported",
        ClaimVerdict.Contradicted => "contradicted",
        _ => "not-enough-evidence",
    };

    public static Color VerdictColor(ClaimVerdict verdict) => verdict switch
    {
        ClaimVerdict.Supported => Color.Success,
        ClaimVerdict.Contradicted => Color.Error,
        _ => Color.Default,
    };

    public static string ProvenanceName(ProvenanceKind kind) => kind == ProvenanceKind.Measured ? "measured" : "reference";
}
