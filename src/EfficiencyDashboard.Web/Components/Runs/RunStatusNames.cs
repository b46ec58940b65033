using EfficiencyDashboard.Core.Runs;
using MudBlazor;

namespace EfficiencyDashboard.Web.Components.Runs;

/// <summary>How a run's status reads and looks: its chip colour.</summary>
public static class RunStatusNames
{
    public static Color ColorOf(RunStatus status) => status switch
    {
        RunStatus.Running => Color.Info,
        RunStatus.Succeeded => Color.Success,
        RunStatus.Failed => Color.Error,
        RunStatus.Interrupted => Color.Warning,
        _ => Color.Default,
    };
}
