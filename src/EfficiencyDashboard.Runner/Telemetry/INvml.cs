namespace EfficiencyDashboard.Runner.Telemetry;

/// <summary>
/// The NVIDIA Management Library as the runner uses it: device descriptions and point-in-time readings.
/// The seam that lets GPU telemetry be tested without a GPU. Implementations never throw: a reading NVML cannot
/// give is null, and a missing library shows in <see cref="UnavailableReason"/>.
/// </summary>
public interface INvml
{
    /// <summary>Null when NVML initialised; otherwise "not available: " and why (no driver, no library, init failed).</summary>
    string? UnavailableReason { get; }

    /// <summary>Number of GPUs NVML sees; 0 when it is not available.</summary>
    int DeviceCount { get; }

    /// <summary>The NVIDIA driver version, for example "580.82.07"; null when not available.</summary>
    string? DriverVersion { get; }

    /// <summary>Name, UUID and memory of GPU <paramref name="index"/>; null when it cannot be read.</summary>
    GpuDeviceInfo? Describe(int index);

    /// <summary>One reading of GPU <paramref name="index"/>: power, energy counter, memory, utilisation, clocks.</summary>
    GpuReading Read(int index);

    /// <summary>
    /// Writes the ids of processes running compute work on GPU <paramref name="index"/> into <paramref name="processIds"/>
    /// and returns how many; -1 when the driver cannot list them.
    /// </summary>
    int ReadComputeProcessIds(int index, Span<int> processIds);
}
