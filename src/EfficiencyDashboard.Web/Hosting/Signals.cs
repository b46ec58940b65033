using System.Runtime.InteropServices;

namespace EfficiencyDashboard.Web.Hosting;

/// <summary>The few POSIX calls the supervisor and its children need that .NET does not expose.</summary>
public static class Signals
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    /// <summary>Sends <paramref name="signal"/> to a process; false when it no longer exists.</summary>
    public static bool Send(int processId, int signal) => OperatingSystem.IsLinux() && kill(processId, signal) == 0;

    /// <summary>This process's parent; it changes to the reaper's when the parent dies.</summary>
    public static int ParentProcessId() => OperatingSystem.IsLinux() ? getppid() : 0;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    [DllImport("libc")]
    private static extern int getppid();
}
