using EfficiencyDashboard.Core.Measurements;

namespace EfficiencyDashboard.Runner.Telemetry;

/// <summary>Everything the telemetry of one measured window read.</summary>
internal sealed record TelemetrySummary(GpuTelemetry Gpu, RaplReading CpuEnergy, ProcessTelemetry Process, HostContention HostContention)
{
    /// <summary>The energy readings <see cref="EnergyEstimate.From"/> chooses from.</summary>
    public EnergyEvidence ToEnergyEvidence() => new(
        Gpu.EnergyCounterJ, Gpu.EnergyCounterNote, Gpu.PowerIntegralJ, Gpu.PowerIntegralNote, CpuEnergy.EnergyJ, CpuEnergy.Note);
}
