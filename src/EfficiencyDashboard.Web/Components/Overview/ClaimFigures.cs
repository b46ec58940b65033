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

    /// <summary>An estimate's interval, "[1.20, 2.86]", or "no interval".</summary>
    public static string Interval(CentralEstimate estimate) => estimate is { CiLow95: { } low, CiHigh95: { } high }
        ? string.Create(CultureInfo.InvariantCulture, $"[{low:0.00}, {high:0.00}]")
        : "no interval";

    /// <summary>A number with up to three decimals and thousands separators.</summary>
    public static string Number(double? value) => value is { } v ? v.ToString("#,0.###", CultureInfo.InvariantCulture) : "-";

    public static string VerdictName(ClaimVerdict verdict) => verdict.DisplayName();

    public static string VerdictKey(ClaimVerdict verdict) => verdict.ApiName();

    public static Color VerdictColor(ClaimVerdict verdict) => verdict switch
    {
        ClaimVerdict.Supported => Color.Success,
        ClaimVerdict.Mixed => Color.Warning,
        _ when verdict.IsContradiction() => Color.Error,
        _ => Color.Default,
    };

    public static string ProvenanceName(ProvenanceKind kind) => kind switch
    {
        ProvenanceKind.Measured => "measured",
        ProvenanceKind.Reference => "reference",
        _ => "missing",
    };
}
