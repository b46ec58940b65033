namespace EfficiencyDashboard.Core.Measurements;

/// <summary>
/// The energy readings a run obtained over its measured window, each null when the source could not be read,
/// with a note that says what was read or why not. <see cref="EnergyEstimate.From"/> picks the best.
/// </summary>
/// <param name="GpuEnergyCounterJ">NVML energy counter delta, in joules.</param>
/// <param name="GpuEnergyCounterNote">What was read, or why the counter was not available.</param>
/// <param name="GpuPowerIntegralJ">Integral of NVML power samples, in joules.</param>
/// <param name="GpuPowerIntegralNote">What was sampled, or why power was not available.</param>
/// <param name="CpuPackageEnergyJ">RAPL package energy delta, in joules.</param>
/// <param name="CpuPackageNote">What was read, or why RAPL was not readable.</param>
public sealed record EnergyEvidence(
    double? GpuEnergyCounterJ,
    string GpuEnergyCounterNote,
    double? GpuPowerIntegralJ,
    string GpuPowerIntegralNote,
    double? CpuPackageEnergyJ,
    string CpuPackageNote);
