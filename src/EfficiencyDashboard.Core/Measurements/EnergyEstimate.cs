using System.Globalization;

namespace EfficiencyDashboard.Core.Measurements;

/// <summary>
/// Energy per inference of one run and its source. Definition: the NVML energy counter delta over the measured
/// window divided by the completed samples; else the integral of sampled GPU power divided by the samples; else the
/// CPU package energy (RAPL) divided by the samples; else no figure, with the reason. Never a silent zero.
/// </summary>
/// <remarks>
/// Every source measures a whole device (the GPU board, or the CPU packages), so energy spent by other processes in
/// the window is counted too; the validity rules flag other GPU processes.
/// </remarks>
/// <param name="EnergyPerInferenceJ">Joules per sample; null when no source could be read.</param>
/// <param name="TotalEnergyJ">Joules over the measured window; null when no source could be read.</param>
/// <param name="Source">The source of both figures.</param>
/// <param name="Reason">What was measured, or why nothing was, including why better sources were not used.</param>
public sealed record EnergyEstimate(double? EnergyPerInferenceJ, double? TotalEnergyJ, EnergySource Source, string Reason)
{
    /// <summary>No figure, with the reason.</summary>
    public static EnergyEstimate None(string reason) => new(null, null, EnergySource.None, reason);

    /// <summary>Picks the best readable source in <paramref name="evidence"/> and divides it by <paramref name="samples"/>.</summary>
    public static EnergyEstimate From(EnergyEvidence evidence, long samples)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (samples <= 0)
        {
            return None("No sample completed, so there is nothing to divide the energy by.");
        }

        (EnergySource Source, double? Joules, string Note)[] candidates =
        [
            (EnergySource.NvmlEnergyCounter, evidence.GpuEnergyCounterJ, evidence.GpuEnergyCounterNote),
            (EnergySource.NvmlPowerIntegral, evidence.GpuPowerIntegralJ, evidence.GpuPowerIntegralNote),
            (EnergySource.RaplPackage, evidence.CpuPackageEnergyJ, evidence.CpuPackageNote),
        ];
        var skipped = new List<string>();
        foreach (var (source, joules, note) in candidates)
        {
            if (joules is > 0 and var j && double.IsFinite(j))
            {
                var reason = string.Join(" ", skipped.Append(note));
                return new EnergyEstimate(j / samples, j, source, reason);
            }

            // A zero reading is a counter that did not move (too coarse or not counting), not a free inference.
            skipped.Add(joules is null ? $"{Name(source)}: {note}" : string.Create(CultureInfo.InvariantCulture, $"{Name(source)}: read {joules} J, not usable ({note})."));
        }

        return None("No energy source could be read. " + string.Join(" ", skipped));
    }

    private static string Name(EnergySource source) => source switch
    {
        EnergySource.NvmlEnergyCounter => "NVML energy counter",
        EnergySource.NvmlPowerIntegral => "NVML power samples",
        EnergySource.RaplPackage => "RAPL package energy",
        _ => "none",
    };
}
