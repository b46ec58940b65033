using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Components.Runs;

/// <summary>How a run's phase reads on a page.</summary>
public static class RunPhaseNames
{
    public static string Of(RunPhase phase) => phase switch
    {
        RunPhase.Queued => "queued",
        RunPhase.WaitingForBuild => "waiting for a build",
        RunPhase.Loading => "loading the model",
        RunPhase.WarmingUp => "warming up",
        RunPhase.Measuring => "measuring",
        _ => "storing the result",
    };
}
