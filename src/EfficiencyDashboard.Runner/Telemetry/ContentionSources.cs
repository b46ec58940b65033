namespace EfficiencyDashboard.Runner.Telemetry;

/// <summary>Where the host contention meter finds the sources it names apart from "the rest of the host".</summary>
/// <param name="WebProcessId">
/// The web host's process id (configuration <c>Runner:WebProcessId</c>): 0 when there is none; this process's own id
/// when the runner runs inside the web host, whose pages and API then show as this process's other threads.
/// </param>
/// <param name="WorkerAssemblyName">
/// The assembly of this build: a process whose command line names it and the <c>worker</c> verb is another worker.
/// </param>
public sealed record ContentionSources(int WebProcessId = 0, string WorkerAssemblyName = ContentionSources.DefaultWorkerAssemblyName)
{
    /// <summary>The web host's assembly, which also runs as a worker.</summary>
    public const string DefaultWorkerAssemblyName = "EfficiencyDashboard.Web";

    /// <summary>The command-line verb that starts a worker.</summary>
    public const string WorkerVerb = "worker";

    /// <summary>No web process and the default worker assembly.</summary>
    public static ContentionSources None { get; } = new();
}
