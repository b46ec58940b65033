using System.Text.Json.Serialization;

namespace EfficiencyDashboard.Core.Measurements;

/// <summary>Where an energy figure came from, best first. Stored beside every energy figure.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EnergySource>))]
public enum EnergySource
{
    /// <summary>No energy was measured; the estimate's reason says why.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>Delta of NVML's total energy counter (millijoules since driver load) over the measured window.</summary>
    [JsonStringEnumMemberName("nvml-energy-counter")]
    NvmlEnergyCounter,

    /// <summary>Trapezoidal integral of NVML power samples taken at least every 100 ms over the measured window.</summary>
    [JsonStringEnumMemberName("nvml-power-integral")]
    NvmlPowerIntegral,

    /// <summary>Delta of the CPU package energy counters (RAPL, /sys/class/powercap) over the measured window.</summary>
    [JsonStringEnumMemberName("rapl-package")]
    RaplPackage,
}
