using System.Diagnostics;
using System.Globalization;
using EfficiencyDashboard.Core.Measurements;

namespace EfficiencyDashboard.Runner.Telemetry;

/// <summary>The counters read at the start of one measured window; <see cref="Stop"/> reads them again and attributes the difference.</summary>
public sealed class HostContentionWindow
{
    private readonly ProcFileSystem? _proc;
    private readonly int[] _cores = [];
    private readonly bool _inProcessWeb;
    private readonly int[] _runnerThreads = [];
    private readonly List<HostContentionMeter.ProcessCounter> _others = [];
    private readonly string? _notMeasured;
    private readonly long _startTimestamp;
    private readonly Dictionary<int, long> _startBusy = [];
    private readonly Dictionary<int, double> _startThreadSeconds = [];
    private readonly long? _startOwnTicks;
    private readonly long? _startPressureUs;

    internal HostContentionWindow(
        ProcFileSystem proc, int[] cores, bool inProcessWeb, int[] runnerThreads, List<HostContentionMeter.ProcessCounter> others)
    {
        _proc = proc;
        _cores = cores;
        _inProcessWeb = inProcessWeb;
        _runnerThreads = runnerThreads;
        _others = others;
        foreach (var tid in runnerThreads)
        {
            if (proc.ThreadCpuSeconds(tid) is { } seconds)
            {
                _startThreadSeconds[tid] = seconds;
            }
        }

        _startOwnTicks = proc.ProcessTicks("self");
        _startPressureUs = proc.CpuPressureSomeMicroseconds();
        _startBusy = proc.CpuBusyTicks();
        _startTimestamp = Stopwatch.GetTimestamp();
    }

    private HostContentionWindow(string reason) => _notMeasured = reason;

    /// <summary>The runner's cores as a CPU list, such as "0-1".</summary>
    public string RunnerCores => CpuList.Format(_cores);

    /// <summary>Reads the counters again and returns the other work on the runner's cores since <see cref="HostContentionMeter.Start"/>.</summary>
    public HostContention Stop()
    {
        if (_proc is null)
        {
            return HostContention.NotMeasured(RunnerCores, _notMeasured!);
        }

        var endBusy = _proc.CpuBusyTicks();
        var seconds = Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds;
        var endPressureUs = _proc.CpuPressureSomeMicroseconds();
        var endOwnTicks = _proc.ProcessTicks("self");
        var runnerSeconds = 0.0;
        foreach (var (tid, start) in _startThreadSeconds)
        {
            // A thread that ended during the window is missed: its time then counts as other work (an overstatement).
            if (_proc.ThreadCpuSeconds(tid) is { } end && end >= start)
            {
                runnerSeconds += end - start;
            }
        }

        var busySeconds = _cores.Sum(c => endBusy.GetValueOrDefault(c) - _startBusy.GetValueOrDefault(c)) / ProcFileSystem.TicksPerSecond;
        var other = Math.Max(0, busySeconds - runnerSeconds);
        // This process's threads that are not the runner's: the web host's pages and API when the runner runs inside it.
        var ownOther = _startOwnTicks is { } s && endOwnTicks is { } e ? Math.Max(0, (e - s) / ProcFileSystem.TicksPerSecond - runnerSeconds) : 0;
        var web = _inProcessWeb ? ownOther : 0;
        var workers = _inProcessWeb ? 0 : ownOther;
        foreach (var process in _others)
        {
            var end = _proc.ProcessTicks(process.Path);
            if (process.StartTicks is not { } start || end is not { } stop || stop < start)
            {
                continue;
            }

            var onRunnerCores = (stop - start) / ProcFileSystem.TicksPerSecond * process.ShareOnRunnerCores;
            if (process.Source == HostContentionMeter.ContentionSource.Web)
            {
                web += onRunnerCores;
            }
            else
            {
                workers += onRunnerCores;
            }
        }

        // Named sources are estimates (an even spread over their cores); they never add up to more than was measured.
        var named = web + workers;
        if (named > other && named > 0)
        {
            web *= other / named;
            workers *= other / named;
        }

        var window = Math.Max(seconds, 1e-9);
        var resolution = 2 * _cores.Length / ProcFileSystem.TicksPerSecond / window;
        double? pressure = _startPressureUs is { } p0 && endPressureUs is { } p1 && p1 >= p0 ? Math.Min(1, (p1 - p0) / 1e6 / window) : null;
        var note = string.Create(CultureInfo.InvariantCulture,
            $"Busy time of cores {RunnerCores} from /proc/stat minus the CPU time of the runner's {_startThreadSeconds.Count} threads, over {seconds:0.###} s. ") +
            (_inProcessWeb ? "The runner runs inside the web host: the host's other threads are the web's share. " : "") +
            (_others.Any(o => o.Source == HostContentionMeter.ContentionSource.Web) ? "The web host runs in its own process, named apart. " : "") +
            $"{_others.Count} other named process(es) attributed by the overlap of their allowed CPUs with the runner's. " +
            (pressure is null ? "No CPU pressure information (/proc/pressure/cpu)." : "CPU pressure from /proc/pressure/cpu.");
        return new HostContention(
            RunnerCores, seconds, other / window, web / window, workers / window, Math.Max(0, other - web - workers) / window,
            runnerSeconds / window, resolution, pressure, note);
    }

    internal static HostContentionWindow NotMeasured(string reason) => new(reason);
}
