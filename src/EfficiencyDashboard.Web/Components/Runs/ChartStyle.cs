using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using PlotLayout = Plotly.Blazor.Layout;

namespace EfficiencyDashboard.Web.Components.Runs;

/// <summary>The look shared by the run charts: axis titles, compact margins, no Plotly logo.</summary>
public static class ChartStyle
{
    public static Config Config() => new() { Responsive = true, DisplayLogo = false };

    public static PlotLayout Layout(string xTitle, string yTitle) => new()
    {
        Height = 340,
        Margin = new Margin { L = 60, R = 20, T = 20, B = 50 },
        ShowLegend = false,
        XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = xTitle } }],
        YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = yTitle } }],
    };
}
