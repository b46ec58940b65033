using EfficiencyDashboard.Core.Measurements;

namespace EfficiencyDashboard.Web.Components.Runs;

/// <summary>Where an energy figure came from, in words.</summary>
public static class EnergySourceNames
{
    public static string Words(EnergySource source) => source switch
    {
        EnergySource.NvmlEnergyCounter => "NVML energy counter",
        EnergySource.NvmlPowerIntegral => "NVML power integral",
        EnergySource.RaplPackage => "CPU package (RAPL)",
        _ => "not measured",
    };
}
