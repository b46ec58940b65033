using System.Text.Json.Serialization;

namespace EfficiencyDashboard.Core.Measurements;

/// <summary>What an energy figure covers: which device's energy it is. Stored beside every energy figure.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EnergyScope>))]
public enum EnergyScope
{
    /// <summary>No energy figure.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>The whole GPU board (NVML): its chip, memory and board power, for every process on it.</summary>
    [JsonStringEnumMemberName("gpu-board")]
    GpuBoard,

    /// <summary>The CPU packages (RAPL): cores, caches and uncore, for every process on the host; not DRAM, not the GPU.</summary>
    [JsonStringEnumMemberName("cpu-package")]
    CpuPackage,

    /// <summary>The whole system at the wall (a power meter or the BMC); no such source is read yet.</summary>
    [JsonStringEnumMemberName("whole-system")]
    WholeSystem,
}
