using EfficiencyDashboard.Core.Measurements;
using System.Diagnostics;
using EfficiencyDashboard.Runner.Telemetry;

namespace EfficiencyDashboard.Runner.Tests.Telemetry;

public sealed class GpuSamplerTests
{
    [Fact]
    public void Samples_at_most_100_ms_apart_and_only_between_start_and_stop()
    {
        var nvml = new FakeNvml();
        using var sampler = new GpuSampler(nvml);

        Thread.Sleep(50);
        var before = Stopwatch.GetTimestamp();
        sampler.Start();
        Thread.Sleep(600);
        var telemetry = sampler.Stop();
        var after = Stopwatch.GetTimestamp();
        Thread.Sleep(250);

        var reads = nvml.ReadTimestamps.ToArray();
        Assert.All(reads, t => Assert.InRange(t, before, after));
        Assert.Equal(reads.Length, telemetry.SampleCount);
        Assert.True(reads.Length >= 7, $"{reads.Length} readings in 600 ms");
        var gaps = reads.Zip(reads.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b).TotalMilliseconds).Order().ToArray();
        Assert.True(gaps[gaps.Length / 2] <= 100, $"median gap {gaps[gaps.Length / 2]} ms");
    }

    [Fact]
    public void An_interval_above_100_ms_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GpuSampler(new FakeNvml(), interval: TimeSpan.FromMilliseconds(150)));
    }

    [Fact]
    public void Energy_counter_and_power_integral_both_measure_the_window()
    {
        var nvml = new FakeNvml { PowerW = 300, MemoryUsedBytes = 5L << 30 };
        using var sampler = new GpuSampler(nvml, interval: TimeSpan.FromMilliseconds(20));

        sampler.Start();
        Thread.Sleep(400);
        var telemetry = sampler.Stop();

        var expectedJ = 300 * telemetry.WindowSeconds;
        Assert.Equal(expectedJ, telemetry.EnergyCounterJ!.Value, expectedJ * 0.02 + 0.01);
        Assert.Equal(expectedJ, telemetry.PowerIntegralJ!.Value, expectedJ * 0.02);
        Assert.Equal(300, telemetry.MeanPowerW!.Value, 1e-6);
        Assert.Equal(300, telemetry.PeakPowerW);
        Assert.Equal(5L << 30, telemetry.PeakMemoryUsedBytes);
        Assert.Equal(87, telemetry.MeanUtilizationPercent);
        Assert.Equal(1980, telemetry.MeanSmClockMhz);
        Assert.Equal("Fake GPU", telemetry.DeviceName);
        Assert.Equal(telemetry.SampleCount, telemetry.PowerSamples.Count);
        Assert.Contains("NVML total energy counter delta on GPU 0 (Fake GPU)", telemetry.EnergyCounterNote);
    }

    [Fact]
    public void A_gpu_without_the_energy_counter_says_so()
    {
        using var sampler = new GpuSampler(new FakeNvml { HasEnergyCounter = false });

        sampler.Start();
        Thread.Sleep(120);
        var telemetry = sampler.Stop();

        Assert.Null(telemetry.EnergyCounterJ);
        Assert.Contains("not readable", telemetry.EnergyCounterNote);
        Assert.NotNull(telemetry.PowerIntegralJ);
    }

    [Fact]
    public void Other_processes_on_the_gpu_are_listed_without_this_one()
    {
        using var sampler = new GpuSampler(new FakeNvml { ProcessIds = [Environment.ProcessId, 4242, 17] });

        sampler.Start();
        var telemetry = sampler.Stop();

        Assert.Equal([17, 4242], telemetry.OtherProcessIds);
    }

    [Fact]
    public void Readings_that_throw_become_missing_values_not_exceptions()
    {
        using var sampler = new GpuSampler(new FakeNvml { Throws = true });

        sampler.Start();
        Thread.Sleep(120);
        var telemetry = sampler.Stop();

        Assert.True(telemetry.SampleCount >= 2);
        Assert.Null(telemetry.EnergyCounterJ);
        Assert.Null(telemetry.PowerIntegralJ);
        Assert.Null(telemetry.MeanPowerW);
    }
}
