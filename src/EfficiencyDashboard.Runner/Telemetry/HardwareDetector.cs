using System.Globalization;
using EfficiencyDashboard.Runner.Execution;

namespace EfficiencyDashboard.Runner.Telemetry;

/// <summary>Detects the CPU, memory, GPUs and loadable execution providers of this machine.</summary>
public static class HardwareDetector
{
    /// <summary>Describes this machine; GPU facts come from <paramref name="nvml"/>, provider facts from loading each one.</summary>
    public static HardwareDescription Detect(IExecutionProviderLoader providers, INvml nvml)
    {
        var gpus = Enumerable.Range(0, nvml.DeviceCount).Select(nvml.Describe).OfType<GpuDeviceInfo>().ToArray();
        return new HardwareDescription(
            MachineDescription.Current.CpuModel,
            Environment.ProcessorCount,
            ReadMemoryBytes(),
            gpus,
            nvml.DriverVersion,
            nvml.UnavailableReason,
            ExecutionProviderProbe.Probe(providers));
    }

    private static long? ReadMemoryBytes()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            if (kilobytes is not null)
            {
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            // Not Linux, or /proc hidden: fall back to what the runtime was told.
        }

        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return available > 0 ? available : null;
    }
}
