using System.Globalization;
using System.Text;

namespace EfficiencyDashboard.Runner.Telemetry;

/// <summary>
/// The few /proc files the host contention meter reads. Every method returns null (or nothing) for a file that is
/// missing or unreadable, because processes come and go between two reads. Tests point it at a fake tree.
/// </summary>
/// <param name="root">The proc file system, normally <c>/proc</c>.</param>
internal sealed class ProcFileSystem(string root)
{
    /// <summary>Kernel clock ticks per second in /proc/stat and /proc/*/stat (USER_HZ, 100 on every Linux architecture in use).</summary>
    public const double TicksPerSecond = 100;

    public string Root { get; } = root;

    public bool HasCpuStatistics => File.Exists(Path.Combine(Root, "stat"));

    /// <summary>This process's id, from <c>self/stat</c>.</summary>
    public int? OwnProcessId() => ReadStatFields("self/stat") is { } fields ? int.Parse(fields.Pid, CultureInfo.InvariantCulture) : null;

    /// <summary>Per CPU, ticks spent on anything but idle and I/O wait (user, nice, system, irq, softirq, steal).</summary>
    public Dictionary<int, long> CpuBusyTicks()
    {
        var busy = new Dictionary<int, long>();
        foreach (var line in ReadLines("stat"))
        {
            if (!line.StartsWith("cpu", StringComparison.Ordinal) || line.Length < 4 || !char.IsAsciiDigit(line[3]))
            {
                continue;
            }

            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var cpu = int.Parse(fields[0].AsSpan(3), CultureInfo.InvariantCulture);
            long Field(int i) => i < fields.Length ? long.Parse(fields[i], CultureInfo.InvariantCulture) : 0;
            // user nice system idle iowait irq softirq steal: guest time is already inside user.
            busy[cpu] = Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8);
        }

        return busy;
    }

    /// <summary>The CPUs a process or thread may run on (<c>Cpus_allowed_list</c> of <c>{path}/status</c>).</summary>
    public int[]? AllowedCpus(string processPath)
    {
        var line = ReadLines(processPath + "/status").FirstOrDefault(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal));
        try
        {
            return line is null ? null : CpuList.Parse(line["Cpus_allowed_list:".Length..].Trim());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>User plus system CPU time of a process (all its threads), in ticks.</summary>
    public long? ProcessTicks(string processPath) => ReadStatFields(processPath + "/stat")?.CpuTicks;

    /// <summary>The ids of this process's threads.</summary>
    public HashSet<int> ThreadIds()
    {
        try
        {
            return [.. Directory.EnumerateDirectories(Path.Combine(Root, "self", "task"))
                .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var tid) ? tid : -1)
                .Where(tid => tid > 0)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The calling thread's id, from the <c>thread-self</c> link ("pid/task/tid").</summary>
    public int? CurrentThreadId()
    {
        try
        {
            var target = new DirectoryInfo(Path.Combine(Root, "thread-self")).LinkTarget;
            return target is not null && int.TryParse(Path.GetFileName(target.TrimEnd('/')), NumberStyles.None, CultureInfo.InvariantCulture, out var tid) ? tid : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// CPU time of one of this process's threads in nanoseconds: the first field of its schedstat, which the scheduler
    /// keeps to the nanosecond; its stat ticks where schedstat is missing.
    /// </summary>
    public double? ThreadCpuSeconds(int threadId)
    {
        var thread = $"self/task/{threadId.ToString(CultureInfo.InvariantCulture)}";
        var schedstat = ReadText(thread + "/schedstat");
        if (schedstat is not null && long.TryParse(schedstat.Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ns))
        {
            return ns / 1e9;
        }

        return ReadStatFields(thread + "/stat")?.CpuTicks / TicksPerSecond;
    }

    /// <summary>Microseconds some task waited for a CPU since boot (<c>pressure/cpu</c>, "some" line, total=); null without PSI.</summary>
    public long? CpuPressureSomeMicroseconds()
    {
        var some = ReadLines("pressure/cpu").FirstOrDefault(l => l.StartsWith("some ", StringComparison.Ordinal));
        var total = some?.Split(' ').FirstOrDefault(f => f.StartsWith("total=", StringComparison.Ordinal));
        return total is not null && long.TryParse(total.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var us) ? us : null;
    }

    /// <summary>Processes whose command line names <paramref name="assemblyName"/> (as a file, any extension) and the <paramref name="verb"/>.</summary>
    public List<int> ProcessesRunning(string assemblyName, string verb)
    {
        var found = new List<int>();
        IEnumerable<string> directories;
        try
        {
            directories = Directory.EnumerateDirectories(Root);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return found;
        }

        foreach (var directory in directories)
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            var arguments = ReadText(Path.GetFileName(directory) + "/cmdline")?.Split('\0', StringSplitOptions.RemoveEmptyEntries) ?? [];
            if (arguments.Contains(verb, StringComparer.Ordinal)
                && arguments.Any(a => Path.GetFileName(a) is var file && (file == assemblyName || Path.GetFileNameWithoutExtension(file) == assemblyName)))
            {
                found.Add(pid);
            }
        }

        return found;
    }

    private IEnumerable<string> ReadLines(string relative) => ReadText(relative)?.Split('\n') ?? [];

    private string? ReadText(string relative)
    {
        try
        {
            return File.ReadAllText(Path.Combine(Root, relative), Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private (string Pid, long CpuTicks)? ReadStatFields(string relative)
    {
        var text = ReadText(relative);
        // The command name sits in parentheses and may itself hold spaces and parentheses: split after the last ')'.
        var close = text?.LastIndexOf(')') ?? -1;
        if (text is null || close < 0)
        {
            return null;
        }

        var rest = text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Fields 14 (utime) and 15 (stime) of stat; field 3 (state) is the first after the name.
        return rest.Length > 12
            && long.TryParse(rest[11], NumberStyles.None, CultureInfo.InvariantCulture, out var user)
            && long.TryParse(rest[12], NumberStyles.None, CultureInfo.InvariantCulture, out var system)
            ? (text[..text.IndexOf(' ')], user + system)
            : null;
    }
}
