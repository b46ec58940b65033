using System.Globalization;
using EfficiencyDashboard.Core.Measurements;

namespace EfficiencyDashboard.Runner.Telemetry;

/// <summary>
/// Measures how much CPU other work takes on the runner's cores during a measured window (see <see cref="HostContention"/>).
/// <see cref="Start"/> reads the counters just before the window and <see cref="HostContentionWindow.Stop"/> just after it,
/// both on the calling thread outside the timed loop, so the queries pay nothing for it. Linux only: elsewhere the
/// result says "not measured" and why.
/// </summary>
/// <param name="sources">The web process and this build's worker processes, named apart from the rest of the host.</param>
/// <param name="procRoot">The proc file system; tests point it at a fake tree.</param>
public sealed class HostContentionMeter(ContentionSources sources, string procRoot = "/proc")
{
    private readonly ProcFileSystem _proc = new(procRoot);

    /// <summary>A meter over this machine's /proc with no web process named.</summary>
    public HostContentionMeter()
        : this(ContentionSources.None)
    {
    }

    /// <summary>The web process and worker assembly this meter names.</summary>
    public ContentionSources Sources { get; } = sources;

    /// <summary>This process's threads now: taken before and after a session is created, the difference is its thread pool.</summary>
    public IReadOnlySet<int> ThreadIds() => _proc.ThreadIds();

    /// <summary>The calling thread's id; null where /proc does not say.</summary>
    public int? CurrentThreadId() => _proc.CurrentThreadId();

    /// <summary>Reads the counters now. <paramref name="runnerThreadIds"/> are the runner's own threads, whose CPU time is not "other work".</summary>
    public HostContentionWindow Start(IReadOnlyCollection<int> runnerThreadIds)
    {
        if (!_proc.HasCpuStatistics)
        {
            return HostContentionWindow.NotMeasured(
                $"{Path.Combine(_proc.Root, "stat")} does not exist ({System.Runtime.InteropServices.RuntimeInformation.OSDescription}); per-CPU busy time is read from Linux's /proc only.");
        }

        var ownPid = _proc.OwnProcessId();
        var busy = _proc.CpuBusyTicks();
        // The thread's own list: a worker pinned to Runner:CpuSet carries it to every thread it starts.
        var allowed = _proc.AllowedCpus("thread-self") ?? _proc.AllowedCpus("self") ?? [.. busy.Keys];
        var cores = allowed.Where(busy.ContainsKey).ToArray();
        if (ownPid is null || cores.Length == 0)
        {
            return HostContentionWindow.NotMeasured("the runner's own process or cores could not be read from /proc.");
        }

        var inProcessWeb = Sources.WebProcessId == ownPid;
        var others = new List<ProcessCounter>();
        if (Sources.WebProcessId > 0 && !inProcessWeb)
        {
            others.Add(ProcessCounter.Read(_proc, Sources.WebProcessId, ContentionSource.Web, cores));
        }

        foreach (var pid in _proc.ProcessesRunning(Sources.WorkerAssemblyName, ContentionSources.WorkerVerb).Where(p => p != ownPid && p != Sources.WebProcessId))
        {
            others.Add(ProcessCounter.Read(_proc, pid, ContentionSource.Workers, cores));
        }

        return new HostContentionWindow(_proc, cores, inProcessWeb, [.. runnerThreadIds], others);
    }

    /// <summary>Which figure a process's CPU time goes to.</summary>
    internal enum ContentionSource
    {
        Web,
        Workers,
    }

    /// <summary>One named process: its CPU ticks at the window's start and the share of them that lands on the runner's cores.</summary>
    internal sealed record ProcessCounter(int ProcessId, ContentionSource Source, long? StartTicks, double ShareOnRunnerCores)
    {
        public string Path => ProcessId.ToString(CultureInfo.InvariantCulture);

        public static ProcessCounter Read(ProcFileSystem proc, int pid, ContentionSource source, int[] runnerCores)
        {
            var path = pid.ToString(CultureInfo.InvariantCulture);
            var allowed = proc.AllowedCpus(path);
            // The kernel does not say which core a process ran on: assume its time spread evenly over the cores it may use.
            var share = allowed is { Length: > 0 } ? allowed.Count(runnerCores.Contains) / (double)allowed.Length : 1;
            return new ProcessCounter(pid, source, proc.ProcessTicks(path), share);
        }
    }
}
