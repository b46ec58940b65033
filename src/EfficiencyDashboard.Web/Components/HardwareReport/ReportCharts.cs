using System.Globalization;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using PlotLayout = Plotly.Blazor.Layout;
using XAxisType = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum;
using YAxisType = Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum;

namespace EfficiencyDashboard.Web.Components.HardwareReport;

/// <summary>The look of the report charts: a legend, logarithmic axes where figures span orders of magnitude.</summary>
public static class ReportCharts
{
    public static Config Config() => new() { Responsive = true, DisplayLogo = false };

    public static PlotLayout Layout(string xTitle, string yTitle, bool dateX, bool logX, bool logY = true) => new()
    {
        Height = 420,
        Margin = new Margin { L = 70, R = 20, T = 20, B = 50 },
        ShowLegend = true,
        XAxis = [new XAxis
        {
            Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = xTitle },
            Type = dateX ? XAxisType.Date : logX ? XAxisType.Log : XAxisType.Linear,
        }],
        YAxis = [new YAxis
        {
            Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = yTitle },
            Type = logY ? YAxisType.Log : YAxisType.Linear,
        }],
    };

    /// <summary>A date as Plotly reads it on a date axis.</summary>
    public static object Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static object Date(DateTime date) => date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A figure with three significant digits and thousands separators: 0.0123, 4.56, 78,900.</summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value) || value == 0)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var decimals = Math.Clamp(2 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, 6);
        return Math.Round(value, decimals).ToString("N" + decimals, CultureInfo.InvariantCulture);
    }

    public static string Number(double? value) => value is { } v ? Number(v) : "-";
}
