using EfficiencyDashboard.Core.Measurements;

namespace EfficiencyDashboard.Core.Measurements;

/// <summary>What the GPU did during the measured window, from NVML readings taken at least every 100 ms.</summary>
/// <param name="DeviceIndex">The NVML index of the sampled GPU.</param>
/// <param name="DeviceName">Its name; null when it was not sampled.</param>
/// <param name="UnavailableReason">Why the GPU was not sampled; null when it was.</param>
/// <param name="SampleCount">Readings taken, the first at the window's start and the last at its end.</param>
/// <param name="WindowSeconds">Time from the first reading to the last.</param>
/// <param name="MaxSampleGapMs">Longest time between two readings.</param>
/// <param name="EnergyCounterJ">Delta of the NVML total energy counter, in joules.</param>
/// <param name="EnergyCounterNote">What the counter covered, or why it could not be read.</param>
/// <param name="PowerIntegralJ">Trapezoidal integral of the power readings, in joules.</param>
/// <param name="PowerIntegralNote">What the power readings covered, or why there were none.</param>
/// <param name="MeanPowerW">Average power over the window, in watts.</param>
/// <param name="PeakPowerW">Highest power reading, in watts.</param>
/// <param name="PeakMemoryUsedBytes">Highest board memory in use (all processes), in bytes.</param>
/// <param name="MeanUtilizationPercent">Average percent of time a kernel ran.</param>
/// <param name="MeanSmClockMhz">Average SM clock, in MHz.</param>
/// <param name="MeanMemoryClockMhz">Average memory clock, in MHz.</param>
/// <param name="OtherProcessIds">Other processes seen running compute work on the GPU.</param>
/// <param name="PowerSamples">Every power reading, for the power timeline.</param>
public sealed record GpuTelemetry(
    int DeviceIndex,
    string? DeviceName,
    string? UnavailableReason,
    int SampleCount,
    double WindowSeconds,
    double? MaxSampleGapMs,
    double? EnergyCounterJ,
    string EnergyCounterNote,
    double? PowerIntegralJ,
    string PowerIntegralNote,
    double? MeanPowerW,
    double? PeakPowerW,
    long? PeakMemoryUsedBytes,
    double? MeanUtilizationPercent,
    double? MeanSmClockMhz,
    double? MeanMemoryClockMhz,
    IReadOnlyList<int> OtherProcessIds,
    IReadOnlyList<PowerSample> PowerSamples)
{
    /// <summary>A GPU that was not sampled, with the reason.</summary>
    public static GpuTelemetry NotSampled(int deviceIndex, string reason) =>
        new(deviceIndex, null, reason, 0, 0, null, null, reason, null, reason, null, null, null, null, null, null, [], []);
}
