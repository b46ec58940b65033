using EfficiencyDashboard.Runner.Execution;

namespace EfficiencyDashboard.Runner.Telemetry;

/// <summary>The machine as detected for a run's provenance and the hardware catalog.</summary>
/// <param name="CpuModel">CPU model name from /proc/cpuinfo, or the architecture.</param>
/// <param name="LogicalCores">Logical cores visible to the process.</param>
/// <param name="MemoryBytes">Physical memory (MemTotal), in bytes; null when it cannot be read.</param>
/// <param name="Gpus">GPUs NVML sees, empty when it is not available.</param>
/// <param name="GpuDriverVersion">NVIDIA driver version; null without the driver.</param>
/// <param name="GpuUnavailableReason">Why no GPU could be listed; null when NVML answered.</param>
/// <param name="ExecutionProviders">Whether each execution provider actually loads here.</param>
public sealed record HardwareDescription(
    string CpuModel,
    int LogicalCores,
    long? MemoryBytes,
    IReadOnlyList<GpuDeviceInfo> Gpus,
    string? GpuDriverVersion,
    string? GpuUnavailableReason,
    IReadOnlyList<ProviderAvailability> ExecutionProviders);
