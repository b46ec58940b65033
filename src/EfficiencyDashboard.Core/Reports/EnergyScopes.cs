using EfficiencyDashboard.Core.Measurements;

namespace EfficiencyDashboard.Core.Reports;

/// <summary>What a measured energy figure covers, from where it came: never the whole system, unlike MLPerf's wall power.</summary>
public static class EnergyScopes
{
    /// <summary>"GPU board (NVML)", "CPU package (RAPL)", or "not measured".</summary>
    public static string Of(EnergySource source) => source switch
    {
        EnergySource.NvmlEnergyCounter or EnergySource.NvmlPowerIntegral => "GPU board (NVML)",
        EnergySource.RaplPackage => "CPU package (RAPL)",
        _ => "not measured",
    };

    /// <summary>What MLPerf's power results cover.</summary>
    public const string MlperfWholeSystem = "whole system at the wall (MLPerf)";
}
