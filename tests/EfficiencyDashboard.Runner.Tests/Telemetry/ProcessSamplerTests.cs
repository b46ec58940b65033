using System.Diagnostics;
using EfficiencyDashboard.Runner.Telemetry;

namespace EfficiencyDashboard.Runner.Tests.Telemetry;

public sealed class ProcessSamplerTests
{
    [Fact]
    public void Peak_memory_and_cpu_utilisation_cover_the_window()
    {
        using var sampler = new ProcessSampler();
        sampler.Start();
        // 96 MB touched page by page, so it becomes resident, and one thread kept busy until the process has used 0.3 s of CPU.
        var block = new byte[96 << 20];
        for (var i = 0; i < block.Length; i += 4096)
        {
            block[i] = 1;
        }

        using var self = Process.GetCurrentProcess();
        var cpuAtStart = self.TotalProcessorTime;
        var x = 0.0;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (CpuSince(cpuAtStart) < TimeSpan.FromSeconds(0.3) && DateTime.UtcNow < deadline)
        {
            for (var i = 0; i < 100_000; i++)
            {
                x += Math.Sqrt(x + 1);
            }
        }

        Thread.Sleep(60);
        var telemetry = sampler.Stop();
        GC.KeepAlive(block);

        Assert.True(telemetry.PeakRssBytes >= 96L << 20, $"peak {telemetry.PeakRssBytes}");
        Assert.True(telemetry.ProcessPeakRssBytes >= telemetry.PeakRssBytes);
        // The process used at least the 0.3 s it spun for; other threads of the test host may add to it.
        // CPU time comes in 10 ms scheduler ticks per thread, read a moment apart from the wall clock: a tick of slack a core.
        Assert.True(telemetry.WallSeconds + 0.02 >= telemetry.CpuSeconds / telemetry.LogicalCores, $"{telemetry.WallSeconds} s wall, {telemetry.CpuSeconds} s CPU");
        Assert.True(telemetry.CpuSeconds >= 0.29, $"{telemetry.CpuSeconds} s CPU");
        Assert.Equal(Math.Min(1, telemetry.CpuSeconds / (telemetry.WallSeconds * telemetry.LogicalCores)), telemetry.CpuUtilization, 1e-9);
        Assert.InRange(telemetry.CpuUtilization, 0.0, 1.0);
        Assert.True(x > 0);
    }

    private static TimeSpan CpuSince(TimeSpan start)
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime - start;
    }
}
