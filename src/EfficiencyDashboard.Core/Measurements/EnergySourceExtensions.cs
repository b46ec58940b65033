namespace EfficiencyDashboard.Core.Measurements;

/// <summary>The one place energy sources and scopes are named: as the API and exports spell them, and in words.</summary>
public static class EnergySourceExtensions
{
    /// <summary>The source as the API and exports spell it: none, nvml-energy-counter, nvml-power-integral, rapl-package.</summary>
    public static string ApiName(this EnergySource source) => source switch
    {
        EnergySource.NvmlEnergyCounter => "nvml-energy-counter",
        EnergySource.NvmlPowerIntegral => "nvml-power-integral",
        EnergySource.RaplPackage => "rapl-package",
        _ => "none",
    };

    /// <summary>The source in words, as pages show it.</summary>
    public static string Words(this EnergySource source) => source switch
    {
        EnergySource.NvmlEnergyCounter => "NVML energy counter",
        EnergySource.NvmlPowerIntegral => "NVML power integral",
        EnergySource.RaplPackage => "RAPL package energy",
        _ => "not measured",
    };

    /// <summary>What a figure from <paramref name="source"/> covers.</summary>
    public static EnergyScope Scope(this EnergySource source) => source switch
    {
        EnergySource.NvmlEnergyCounter or EnergySource.NvmlPowerIntegral => EnergyScope.GpuBoard,
        EnergySource.RaplPackage => EnergyScope.CpuPackage,
        _ => EnergyScope.None,
    };

    /// <summary>The scope as the API and exports spell it: none, gpu-board, cpu-package, whole-system.</summary>
    public static string ApiName(this EnergyScope scope) => scope switch
    {
        EnergyScope.GpuBoard => "gpu-board",
        EnergyScope.CpuPackage => "cpu-package",
        EnergyScope.WholeSystem => "whole-system",
        _ => "none",
    };

    /// <summary>The scope in words: "GPU board", "CPU package", "whole system".</summary>
    public static string Words(this EnergyScope scope) => scope switch
    {
        EnergyScope.GpuBoard => "GPU board",
        EnergyScope.CpuPackage => "CPU package",
        EnergyScope.WholeSystem => "whole system",
        _ => "none",
    };
}
