using System.Runtime.InteropServices;

namespace EfficiencyDashboard.Web.Placement;

/// <summary>
/// Reads and sets which cores threads may run on (Linux <c>sched_getaffinity</c>/<c>sched_setaffinity</c>). Threads
/// started later inherit the mask of the thread that starts them, so pinning every thread of the process once, at
/// start, pins the threads ONNX Runtime and .NET create afterwards too.
/// </summary>
public static class ThreadAffinity
{
    private const int MaskWords = 16;

    /// <summary>The cores this process may run on now.</summary>
    public static CpuSet Available()
    {
        if (OperatingSystem.IsLinux())
        {
            var mask = new ulong[MaskWords];
            if (sched_getaffinity(0, (nint)(MaskWords * sizeof(ulong)), mask) == 0)
            {
                return CpuSet.Of(Enumerable.Range(0, MaskWords * 64).Where(core => (mask[core / 64] & (1UL << (core % 64))) != 0));
            }
        }

        return CpuSet.Of(Enumerable.Range(0, Environment.ProcessorCount));
    }

    /// <summary>Pins every thread of this process to <paramref name="cores"/>; returns how many threads were pinned.</summary>
    public static int PinProcess(CpuSet cores)
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        var mask = MaskOf(cores);
        var pinned = 0;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            // A thread may end between listing and pinning; the rest still get pinned.
            if (int.TryParse(Path.GetFileName(task), out var threadId) && sched_setaffinity(threadId, (nint)(MaskWords * sizeof(ulong)), mask) == 0)
            {
                pinned++;
            }
        }

        return pinned;
    }

    /// <summary>Pins one thread or process (its main thread, and what it starts afterwards) to <paramref name="cores"/>.</summary>
    public static bool Pin(int threadOrProcessId, CpuSet cores) =>
        OperatingSystem.IsLinux() && sched_setaffinity(threadOrProcessId, (nint)(MaskWords * sizeof(ulong)), MaskOf(cores)) == 0;

    private static ulong[] MaskOf(CpuSet cores)
    {
        var mask = new ulong[MaskWords];
        foreach (var core in cores.Cores)
        {
            mask[core / 64] |= 1UL << (core % 64);
        }

        return mask;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int sched_setaffinity(int pid, nint cpusetsize, ulong[] mask);

    [DllImport("libc", SetLastError = true)]
    private static extern int sched_getaffinity(int pid, nint cpusetsize, ulong[] mask);
}
