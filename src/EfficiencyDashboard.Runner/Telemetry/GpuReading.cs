namespace EfficiencyDashboard.Runner.Telemetry;

/// <summary>One point-in-time reading of a GPU; each field is null when NVML could not give it.</summary>
/// <param name="PowerW">Board power draw, in watts (NVML reports milliwatts; recent GPUs average it over about a second).</param>
/// <param name="EnergyMj">Total energy since the driver loaded, in millijoules (Volta and later).</param>
/// <param name="MemoryUsedBytes">Board memory in use by all processes, in bytes.</param>
/// <param name="UtilizationPercent">Percent of the last sample period in which a kernel ran.</param>
/// <param name="SmClockMhz">Streaming multiprocessor clock, in MHz.</param>
/// <param name="MemoryClockMhz">Memory clock, in MHz.</param>
public readonly record struct GpuReading(
    double? PowerW,
    ulong? EnergyMj,
    long? MemoryUsedBytes,
    int? UtilizationPercent,
    int? SmClockMhz,
    int? MemoryClockMhz);
