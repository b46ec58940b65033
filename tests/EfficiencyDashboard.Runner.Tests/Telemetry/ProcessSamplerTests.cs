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
        // 96 MB touched page by page, so it becomes resident, and one thread kept busy for 300 ms.
        var block = new byte[96 << 20];
        for (var i = 0; i < block.Length; i += 4096)
        {
            block[i] = 1;
        }

        var spin = Stopwatch.StartNew();
        var x = 0.0;
        while (spin.ElapsedMilliseconds < 300)
        {
            x += Math.Sqrt(x + 1);
        }

        Thread.Sleep(60);
        var telemetry = sampler.Stop();
        GC.KeepAlive(block);

        Assert.True(telemetry.PeakRssBytes >= 96L << 20, $"peak {telemetry.PeakRssBytes}");
        Assert.True(telemetry.ProcessPeakRssBytes >= telemetry.PeakRssBytes);
        Assert.InRange(telemetry.WallSeconds, 0.3, 30);
        // Other builds share this machine's cores, so the busy thread gets less than its 300 ms of CPU.
        Assert.InRange(telemetry.CpuSeconds, 0.05, telemetry.WallSeconds * telemetry.LogicalCores + 0.1);
        Assert.Equal(telemetry.CpuSeconds / (telemetry.WallSeconds * telemetry.LogicalCores), telemetry.CpuUtilization, 1e-9);
        Assert.InRange(telemetry.CpuUtilization, 0.0, 1.0);
        Assert.True(x > 0);
    }
}
