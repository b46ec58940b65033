using System.Globalization;

namespace EfficiencyDashboard.Runner.Tests.Telemetry;

/// <summary>
/// A /proc tree in a temporary directory with the files the host contention meter reads: per-CPU ticks in stat, this
/// process (self) with its threads' schedstat, other processes with their stat, status and cmdline, and CPU pressure.
/// </summary>
public sealed class FakeProc : IDisposable
{
    public const int OwnPid = 500;

    public FakeProc(int cpus = 4, string runnerCores = "0-1")
    {
        Root = Directory.CreateTempSubdirectory("proc-").FullName;
        Cpus = cpus;
        SetBusyTicks(new long[cpus]);
        Process("self", OwnPid, runnerCores, ticks: 0, "dotnet\0EfficiencyDashboard.Web.dll\0");
        Directory.CreateDirectory(Path.Combine(Root, "pressure"));
        SetPressure(0);
    }

    public string Root { get; }

    public int Cpus { get; }

    /// <summary>Per-CPU busy ticks, spread as user time.</summary>
    public void SetBusyTicks(long[] busy)
    {
        var lines = new List<string> { $"cpu  {busy.Sum()} 0 0 1000 0 0 0 0 0 0" };
        lines.AddRange(busy.Select((b, i) => $"cpu{i} {b} 0 0 1000 5 0 0 0 0 0"));
        lines.Add("intr 1 2 3");
        File.WriteAllText(Path.Combine(Root, "stat"), string.Join('\n', lines) + "\n");
    }

    /// <summary>A process: <paramref name="name"/> is its directory (a pid, or "self").</summary>
    public void Process(string name, int pid, string allowedCpus, long ticks, string commandLine)
    {
        var directory = Directory.CreateDirectory(Path.Combine(Root, name)).FullName;
        File.WriteAllText(Path.Combine(directory, "status"), $"Name:\tdotnet\nPid:\t{pid}\nCpus_allowed:\tf\nCpus_allowed_list:\t{allowedCpus}\n");
        File.WriteAllText(Path.Combine(directory, "cmdline"), commandLine);
        SetProcessTicks(name, pid, ticks);
    }

    /// <summary>User + system ticks of a process; the command name holds a space and a parenthesis, as real ones may.</summary>
    public void SetProcessTicks(string name, int pid, long ticks) =>
        File.WriteAllText(Path.Combine(Root, name, "stat"),
            $"{pid} (dotnet (x) y) S 1 1 1 0 -1 4194560 100 0 0 0 {ticks - ticks / 4} {ticks / 4} 0 0 20 0 30 0 100 1000 200\n");

    /// <summary>A thread of this process and its CPU time in nanoseconds.</summary>
    public void SetThreadNanoseconds(int tid, long nanoseconds)
    {
        var directory = Directory.CreateDirectory(Path.Combine(Root, "self", "task", tid.ToString(CultureInfo.InvariantCulture))).FullName;
        File.WriteAllText(Path.Combine(directory, "schedstat"), $"{nanoseconds} 12345 67\n");
    }

    public void SetPressure(long someMicroseconds) =>
        File.WriteAllText(Path.Combine(Root, "pressure", "cpu"),
            $"some avg10=0.00 avg60=0.00 avg300=0.00 total={someMicroseconds}\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n");

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
