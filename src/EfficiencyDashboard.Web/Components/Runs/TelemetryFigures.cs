using System.Globalization;

namespace EfficiencyDashboard.Web.Components.Runs;

/// <summary>How telemetry and energy figures are written: invariant culture, "-" for a missing figure, never a made-up zero.</summary>
public static class TelemetryFigures
{
    private const double BytesPerMebibyte = 1024 * 1024;
    private const double BytesPerGibibyte = 1024 * BytesPerMebibyte;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Mebibytes(long? bytes) => bytes is { } b ? (b / BytesPerMebibyte).ToString("N0", Invariant) : "-";

    public static string Gibibytes(long? bytes) => bytes is { } b ? (b / BytesPerGibibyte).ToString("N1", Invariant) : "-";

    public static string Watts(double? watts) => watts is { } w ? w.ToString("F1", Invariant) : "-";

    public static string Megahertz(double? mhz) => mhz is { } m ? m.ToString("F0", Invariant) : "-";

    /// <summary>A value already in percent (0 to 100), with one decimal.</summary>
    public static string Percent(double? percent) => percent is { } p ? p.ToString("F1", Invariant) : "-";

    /// <summary>A fraction from 0 to 1 as a percentage with one decimal.</summary>
    public static string PercentOfFraction(double? fraction) => Percent(fraction * 100);

    /// <summary>Three significant digits, for joules and samples per joule: 0.0123, 4.56, 812.</summary>
    public static string Significant(double? value)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            return "-";
        }

        return v.ToString(Math.Abs(v) >= 1000 ? "N0" : "G3", Invariant);
    }

    /// <summary>A plain number with up to <paramref name="decimals"/> decimals.</summary>
    public static string Number(double? value, int decimals = 1) => value is { } v ? v.ToString("F" + decimals, Invariant) : "-";
}
