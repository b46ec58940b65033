using EfficiencyDashboard.Core.Measurements;
using System.Diagnostics;
using EfficiencyDashboard.Runner.Telemetry;

namespace EfficiencyDashboard.Runner.Tests.Telemetry;

public sealed class GpuSamplerTests
{
    [Fact]
    public void Samples_only_between_start_and_stop_and_reports_the_longest_gap_it_left()
    {
        var nvml = new FakeNvml();
        using var sampler = new GpuSampler(nvml);

        var before = Stopwatch.GetTimestamp();
        sampler.Start();
        // Waits for readings, not for time: a loaded machine wakes the sampler late, never early.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (nvml.ReadTimestamps.Count < 4 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        var telemetry = sampler.Stop();
        var after = Stopwatch.GetTimestamp();
        var countAtStop = nvml.ReadTimestamps.Count;
        Thread.Sleep(250);

        var reads = nvml.ReadTimestamps.ToArray();
        Assert.Equal(countAtStop, reads.Length);
        Assert.All(reads, t => Assert.InRange(t, before, after));
        Assert.Equal(reads.Length, telemetry.SampleCount);
        Assert.True(reads.Length >= 4, $"{reads.Length} readings");
        Assert.Equal(GpuSampler.DefaultInterval, sampler.Interval);
        Assert.True(GpuSampler.DefaultInterval <= GpuSampler.MaxInterval);
        // The longest gap is reported, so a late sampler shows on the page: at least the mean gap, at most the window.
        var meanGapMs = telemetry.WindowSeconds * 1000 / (telemetry.SampleCount - 1);
        Assert.InRange(telemetry.MaxSampleGapMs!.Value, meanGapMs - 1e-6, telemetry.WindowSeconds * 1000 + 1e-6);
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
