using System.Globalization;

namespace EfficiencyDashboard.Core.Measurements;

/// <summary>
/// How much CPU other work took on the runner's cores during the measured window, in core-seconds per second (1 means
/// one core was busy with other work the whole window). Busy time of the runner's cores (/proc/stat) minus the CPU time
/// of the runner's own threads; split by source: the web process, other worker processes of this build, and the rest
/// of the host. A process's CPU time counts towards the runner's cores in proportion to the overlap of its allowed CPUs
/// with them (the kernel does not say which core it ran on, so an even spread is assumed).
/// </summary>
/// <param name="RunnerCores">The cores the runner may run on, as a CPU list such as "0-1" or "2-15".</param>
/// <param name="WindowSeconds">Length of the window the figures cover.</param>
/// <param name="OtherCores">Other work on the runner's cores, core-seconds per second; null when not measured.</param>
/// <param name="WebCores">Of <paramref name="OtherCores"/>, the web process's share (its pages and API), core-seconds per second.</param>
/// <param name="WorkersCores">Of <paramref name="OtherCores"/>, other worker processes of this build (and this worker's other threads).</param>
/// <param name="RestOfHostCores">Of <paramref name="OtherCores"/>, everything else on the host: other programs and the kernel.</param>
/// <param name="RunnerCpuCores">The runner's own threads (the timing thread and ONNX Runtime's), core-seconds per second.</param>
/// <param name="ResolutionCores">
/// How finely <paramref name="OtherCores"/> can be known: /proc/stat counts in 10 ms ticks, so two ticks per core at each
/// end of the window, over the window. A run is judged host-busy only when the figure exceeds the threshold by more than this.
/// </param>
/// <param name="CpuPressureShare">
/// Share of the window in which some task on the host waited for a CPU (/proc/pressure/cpu "some" total delta over the
/// window), 0 to 1; null where the kernel has no pressure information. Host-wide and including the runner's own threads,
/// so it corroborates <paramref name="OtherCores"/> rather than adding to it.
/// </param>
/// <param name="Note">How the figures were obtained, or "not measured: " and why.</param>
public sealed record HostContention(
    string RunnerCores,
    double WindowSeconds,
    double? OtherCores,
    double? WebCores,
    double? WorkersCores,
    double? RestOfHostCores,
    double? RunnerCpuCores,
    double ResolutionCores,
    double? CpuPressureShare,
    string Note)
{
    /// <summary>No figure, with the reason (for example, no /proc on this operating system).</summary>
    public static HostContention NotMeasured(string runnerCores, string reason) =>
        new(runnerCores, 0, null, null, null, null, null, 0, null, "not measured: " + reason);

    /// <summary>Whether the figure was measured.</summary>
    public bool Measured => OtherCores is not null;

    /// <summary>Whether other work exceeded <paramref name="thresholdCores"/> beyond the figure's resolution.</summary>
    public bool Exceeds(double thresholdCores) => OtherCores is { } other && other - ResolutionCores > thresholdCores;

    /// <summary>"0.42 cores (web 0.40, workers 0.00, rest of the host 0.02)", for validity reasons and pages.</summary>
    public string Describe() => OtherCores is { } other
        ? string.Create(CultureInfo.InvariantCulture,
            $"{other:0.00} cores (web {WebCores ?? 0:0.00}, other workers {WorkersCores ?? 0:0.00}, rest of the host {RestOfHostCores ?? 0:0.00}; resolution {ResolutionCores:0.00})")
        : Note;
}
