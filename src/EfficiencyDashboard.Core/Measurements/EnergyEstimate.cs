using System.Globalization;

namespace EfficiencyDashboard.Core.Measurements;

/// <summary>
/// Energy per inference of one run, its source and its scope. Definition: for a run on a GPU, the NVML energy counter
/// delta over the measured window divided by the completed samples, else the integral of sampled GPU power divided by
/// the samples, else no figure ("GPU energy not measured"): the CPU packages' energy is never passed off as a GPU run's.
/// For a run on the CPU, the CPU package energy (RAPL) divided by the samples, else no figure. Never a silent zero.
/// </summary>
/// <remarks>
/// Every source measures a whole device (the GPU board, or the CPU packages), so energy spent by other processes in
/// the window is counted too; the validity rules flag other GPU processes and other work on the runner's cores.
/// </remarks>
/// <param name="EnergyPerInferenceJ">Joules per sample; null when no source could be read.</param>
/// <param name="TotalEnergyJ">Joules over the measured window; null when no source could be read.</param>
/// <param name="Source">The source of both figures.</param>
/// <param name="Reason">What was measured, or why nothing was, including why better sources were not used.</param>
public sealed record EnergyEstimate(double? EnergyPerInferenceJ, double? TotalEnergyJ, EnergySource Source, string Reason)
{
    /// <summary>What the figures cover: the GPU board, the CPU packages, or nothing.</summary>
    public EnergyScope Scope => Source.Scope();

    /// <summary>No figure, with the reason.</summary>
    public static EnergyEstimate None(string reason) => new(null, null, EnergySource.None, reason);

    /// <summary>
    /// Picks the best readable source for the device the run executed on (<paramref name="onGpu"/>) and divides it by
    /// <paramref name="samples"/>.
    /// </summary>
    public static EnergyEstimate From(EnergyEvidence evidence, long samples, bool onGpu)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (samples <= 0)
        {
            return None("No sample completed, so there is nothing to divide the energy by.");
        }

        (EnergySource Source, double? Joules, string Note)[] candidates = onGpu
            ?
            [
                (EnergySource.NvmlEnergyCounter, evidence.GpuEnergyCounterJ, evidence.GpuEnergyCounterNote),
                (EnergySource.NvmlPowerIntegral, evidence.GpuPowerIntegralJ, evidence.GpuPowerIntegralNote),
            ]
            : [(EnergySource.RaplPackage, evidence.CpuPackageEnergyJ, evidence.CpuPackageNote)];
        var skipped = new List<string>();
        foreach (var (source, joules, note) in candidates)
        {
            if (joules is > 0 and var j && double.IsFinite(j))
            {
                var reason = string.Join(" ", skipped.Append(note));
                return new EnergyEstimate(j / samples, j, source, reason);
            }

            // A zero reading is a counter that did not move (too coarse or not counting), not a free inference.
            skipped.Add(joules is null ? $"{source.Words()}: {note}" : string.Create(CultureInfo.InvariantCulture, $"{source.Words()}: read {joules} J, not usable ({note})."));
        }

        return onGpu
            ? None("GPU energy not measured. " + string.Join(" ", skipped) +
                   " The CPU package energy (RAPL) is recorded apart: it is the CPU's, not the GPU's.")
            : None("CPU energy not measured. " + string.Join(" ", skipped));
    }
}
