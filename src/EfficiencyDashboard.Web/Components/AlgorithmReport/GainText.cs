using System.Globalization;
using EfficiencyDashboard.Core.Reports;

namespace EfficiencyDashboard.Web.Components.AlgorithmReport;

/// <summary>How the report pages write gains: a factor with three significant digits, and its 95% interval.</summary>
public static class GainText
{
    public static string Factor(double factor) => "×" + factor.ToString(factor < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    public static string Interval(GainEstimate gain) => gain.CiLow95 is { } low && gain.CiHigh95 is { } high
        ? $"[{Factor(low)[1..]}, {Factor(high)[1..]}]"
        : "no interval";

    public static string Number(double? value, string format = "0.000") =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    /// <summary>A reduction as a signed percentage: 30% fewer reads "-30%".</summary>
    public static string Reduction(double? fraction) =>
        fraction is { } f ? (-100 * f).ToString("+0;-0;0", CultureInfo.InvariantCulture) + "%" : "-";

    /// <summary>Run ids as "#12, #13", at most <paramref name="shown"/> of them.</summary>
    public static string RunIds(IReadOnlyList<long> ids, int shown = 6) =>
        string.Join(", ", ids.Take(shown).Select(id => "#" + id.ToString(CultureInfo.InvariantCulture)))
        + (ids.Count > shown ? $" and {ids.Count - shown} more" : "");
}
