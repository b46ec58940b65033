using System.Globalization;

namespace EfficiencyDashboard.Web.Reports;

/// <summary>How the reports and the UI write numbers: invariant culture, units spelled out by the caller.</summary>
public static class Figures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A latency with three significant digits: 0.482, 9.61, 12.3, 153.</summary>
    public static string Milliseconds(double value)
    {
        if (!double.IsFinite(value) || value == 0)
        {
            return value.ToString(Invariant);
        }

        var decimals = Math.Clamp(2 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, 6);
        return Math.Round(value, decimals).ToString("F" + decimals, Invariant);
    }

    public static string Milliseconds(double? value) => value is { } v ? Milliseconds(v) : "-";

    /// <summary>A rate with one decimal: 104.2.</summary>
    public static string PerSecond(double value) => value.ToString("F1", Invariant);

    public static string PerSecond(double? value) => value is { } v ? PerSecond(v) : "-";

    /// <summary>A fraction from 0 to 1 as a whole percentage: 42%.</summary>
    public static string Percent(double fraction) => (100 * fraction).ToString("F0", Invariant) + "%";

    public static string Seconds(double value) => value.ToString(value < 100 ? "F1" : "F0", Invariant);

    public static string Count(long value) => value.ToString("N0", Invariant);

    public static string Utc(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss", Invariant) + " UTC";

    public static string Utc(DateTime? value) => value is { } v ? Utc(v) : "-";
}
