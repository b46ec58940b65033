using EfficiencyDashboard.Runner.Telemetry;

namespace EfficiencyDashboard.Runner.Tests.Telemetry;

public sealed class NvmlTests
{
    [Fact]
    public void Without_the_driver_nvml_says_not_available_and_every_reading_is_empty()
    {
        using var nvml = new Nvml();
        if (!File.Exists("/usr/lib/x86_64-linux-gnu/libnvidia-ml.so.1") && !File.Exists("/usr/lib64/libnvidia-ml.so.1"))
        {
            Assert.StartsWith("not available: libnvidia-ml.so.1 could not be loaded", nvml.UnavailableReason);
            Assert.Equal(0, nvml.DeviceCount);
            Assert.Null(nvml.DriverVersion);
            Assert.Null(nvml.Describe(0));
            Assert.Equal(default, nvml.Read(0));
            Assert.Equal(-1, nvml.ReadComputeProcessIds(0, new int[4]));
        }
        else
        {
            // On a GPU host the same calls must answer rather than throw.
            Assert.Null(nvml.UnavailableReason);
            Assert.NotNull(nvml.DriverVersion);
            Assert.True(nvml.ReadComputeProcessIds(0, new int[64]) >= -1);
        }
    }

    [Fact]
    public void The_sampler_reports_the_missing_library_as_its_reason_instead_of_throwing()
    {
        var nvml = new FakeNvml { UnavailableReason = "not available: libnvidia-ml.so.1 could not be loaded (no NVIDIA driver on this machine)." };
        using var sampler = new GpuSampler(nvml);

        sampler.Start();
        var telemetry = sampler.Stop();

        Assert.Equal(nvml.UnavailableReason, telemetry.UnavailableReason);
        Assert.Equal(0, telemetry.SampleCount);
        Assert.Null(telemetry.EnergyCounterJ);
        Assert.Equal(nvml.UnavailableReason, telemetry.EnergyCounterNote);
        Assert.Empty(nvml.ReadTimestamps);
    }

    [Fact]
    public void Hardware_detection_lists_gpus_from_nvml_and_only_providers_that_load()
    {
        var nvml = new FakeNvml { Devices = [new(0, "Fake H100", "GPU-a", 80L << 30), new(1, "Fake H100", "GPU-b", 80L << 30)] };

        var hardware = HardwareDetector.Detect(new Execution.UnavailableGpuLoader(), nvml);

        Assert.Equal(["GPU-a", "GPU-b"], hardware.Gpus.Select(g => g.Uuid));
        Assert.Equal("999.99", hardware.GpuDriverVersion);
        Assert.Null(hardware.GpuUnavailableReason);
        Assert.True(hardware.MemoryBytes > 0);
        Assert.True(hardware.LogicalCores >= 1);
        Assert.True(hardware.ExecutionProviders.Single(p => p.Provider == Core.Runs.ExecutionProvider.Cpu).Loads);
        Assert.False(hardware.ExecutionProviders.Single(p => p.Provider == Core.Runs.ExecutionProvider.Cuda).Loads);
    }

    [Fact]
    public void Hardware_detection_without_nvml_gives_the_reason_and_no_gpus()
    {
        var hardware = HardwareDetector.Detect(new Execution.UnavailableGpuLoader(), new FakeNvml { UnavailableReason = "not available: test" });

        Assert.Empty(hardware.Gpus);
        Assert.Equal("not available: test", hardware.GpuUnavailableReason);
    }
}
