namespace EfficiencyDashboard.Core.Runs;

public static class RunPhaseExtensions
{
    /// <summary>The phase as the API spells it: queued, waiting-for-build, loading, warming-up, measuring, storing.</summary>
    public static string ApiName(this RunPhase phase) => phase switch
    {
        RunPhase.WaitingForBuild => "waiting-for-build",
        RunPhase.WarmingUp => "warming-up",
        _ => phase.ToString().ToLowerInvariant(),
    };

    /// <summary>The phase in words for a sentence such as "killed ... during the measured window".</summary>
    public static string During(this RunPhase phase) => phase switch
    {
        RunPhase.Queued => "before the run started",
        RunPhase.WaitingForBuild => "while the run waited for a build",
        RunPhase.Loading => "while loading the model",
        RunPhase.WarmingUp => "during warm-up",
        RunPhase.Measuring => "during the measured window",
        _ => "while storing the result",
    };
}
