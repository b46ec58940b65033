using EfficiencyDashboard.Core.Measurements;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>How the in-process runner executes runs (configuration section <c>Runner</c>).</summary>
public sealed class RunnerOptions
{
    public const string SectionName = "Runner";

    /// <summary>Device queues this process serves, one run at a time each; <c>cpu</c> and <c>gpu0</c> when none are configured.</summary>
    /// <remarks>No default in the property: configuration binding appends to an array instead of replacing it.</remarks>
    public string[] Devices { get; set; } = [];

    public IReadOnlyList<string> ServedDevices =>
        Devices.Any(d => !string.IsNullOrWhiteSpace(d)) ? [.. Devices.Where(d => !string.IsNullOrWhiteSpace(d)).Distinct()] : ["cpu", "gpu0"];

    /// <summary>ONNX Runtime intra-op threads; 0 means one per logical core.</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>
    /// The most other work the runner's cores may carry during a measured window, in cores (core-seconds per second);
    /// a run above it is INVALID with check host-busy. 0.10 is a tenth of one core.
    /// </summary>
    public double HostBusyThresholdCores { get; set; } = ValiditySettings.DefaultMaxHostContentionCores;

    /// <summary>
    /// The web host's process id, whose CPU time the contention figures name apart: 0 for none, or this process's own
    /// id when the runner runs inside the web host (which the web host assumes when none is configured).
    /// </summary>
    public int WebProcessId { get; set; }

    /// <summary>How often a worker looks for queued jobs.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
