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

    /// <summary>How often a worker looks for queued jobs.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
