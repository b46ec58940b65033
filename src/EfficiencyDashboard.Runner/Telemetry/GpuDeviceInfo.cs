namespace EfficiencyDashboard.Runner.Telemetry;

/// <summary>One GPU as NVML describes it.</summary>
/// <param name="Index">NVML device index (CUDA device order when CUDA_DEVICE_ORDER=PCI_BUS_ID).</param>
/// <param name="Name">Product name, for example "NVIDIA H100 80GB HBM3".</param>
/// <param name="Uuid">Stable identifier, for example "GPU-5fb3...".</param>
/// <param name="MemoryTotalBytes">Board memory, in bytes; null when it cannot be read.</param>
public sealed record GpuDeviceInfo(int Index, string Name, string Uuid, long? MemoryTotalBytes);
