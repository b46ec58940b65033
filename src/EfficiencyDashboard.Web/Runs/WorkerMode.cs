namespace EfficiencyDashboard.Web.Runs;

/// <summary>Whether the web host starts its own runner worker (<c>Runner:Worker</c>).</summary>
public enum WorkerMode
{
    /// <summary>The web host starts one worker process and supervises it.</summary>
    Process,

    /// <summary>The web host only serves pages and the API; workers are started separately (<c>-- worker</c>).</summary>
    None,
}
