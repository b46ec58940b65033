using System.Diagnostics;
using System.Globalization;

namespace EfficiencyDashboard.Runner.Tests.Telemetry;

/// <summary>Another process that keeps one core busy (a shell loop) until disposed, when it is killed by its id.</summary>
public sealed class BusyLoop : IDisposable
{
    private readonly Process _process;

    private BusyLoop(Process process) => _process = process;

    /// <summary>Starts the loop and returns once it has run for a few ticks, so the measurement that follows sees it.</summary>
    public static BusyLoop Start()
    {
        var process = Process.Start(new ProcessStartInfo("sh", ["-c", "while :; do :; done"]) { UseShellExecute = false })!;
        var loop = new BusyLoop(process);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (loop.CpuTicks() < 5)
        {
            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                loop.Dispose();
                throw new InvalidOperationException("The busy loop did not start running within 30 s.");
            }

            Thread.Sleep(20);
        }

        return loop;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private long CpuTicks()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}
