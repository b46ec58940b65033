using EfficiencyDashboard.Core.Measurements;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>How runs are executed: the worker process, its leases, placement and limits (configuration section <c>Runner</c>).</summary>
public sealed class RunnerOptions
{
    public const string SectionName = "Runner";

    /// <summary><c>process</c> (default): the web host starts and supervises one worker; <c>none</c>: workers are started separately.</summary>
    public WorkerMode Worker { get; set; } = WorkerMode.Process;

    /// <summary>Device queues a worker serves, one run at a time each; <c>cpu</c> and <c>gpu0</c> when none are configured.</summary>
    /// <remarks>No default in the property: configuration binding appends to an array instead of replacing it.</remarks>
    public string[] Devices { get; set; } = [];

    public IReadOnlyList<string> ServedDevices =>
        Devices.Any(d => !string.IsNullOrWhiteSpace(d)) ? [.. Devices.Where(d => !string.IsNullOrWhiteSpace(d)).Distinct()] : ["cpu", "gpu0"];

    /// <summary>Execution providers a worker offers (<c>cpu</c>, <c>cuda</c>, <c>tensorrt</c>); empty offers every one that loads.</summary>
    public string[] Providers { get; set; } = [];

    /// <summary>ONNX Runtime intra-op threads; 0 means one per runner core.</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>The runner's cores, for example <c>2-15</c>; the web host gets the others. Unset: see <see cref="Placement.CpuPlacement"/>.</summary>
    public string? CpuSet { get; set; }

    /// <summary>
    /// The most other work the runner's cores may carry during a measured window, in cores (core-seconds per second);
    /// a run above it is INVALID with check host-busy. 0.10 is a tenth of one core.
    /// </summary>
    public double HostBusyThresholdCores { get; set; } = ValiditySettings.DefaultMaxHostContentionCores;

    /// <summary>
    /// The web host's process id, whose CPU time the contention figures name apart: 0 for none. The supervising web
    /// host passes its own id to the worker it starts.
    /// </summary>
    public int WebProcessId { get; set; }

    /// <summary>How often a worker looks for queued jobs.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a worker renews its leases and reads cancel requests.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a lease lasts without renewal; after that any process may take the work back.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often a worker writes a running run's progress (at most 5 times a second).</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often the web reads what workers changed while a page follows live updates.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How often the web reads what workers changed while no page follows them: on a small host the web's polling is
    /// other work on the runner's cores, so it polls fast only for someone watching.
    /// </summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A run still executing this long after it started is taken as hung: the supervisor kills its worker.</summary>
    public TimeSpan RunTimeLimit { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long a worker may take to stop gracefully before the supervisor kills it.</summary>
    public TimeSpan WorkerShutdownTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The longest wait before the supervisor starts a worker again after it died (doubling from one second).</summary>
    public TimeSpan MaxRestartDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Upload analysis and variant building stop when their process uses more memory than this (resident).</summary>
    public long SandboxMemoryLimitBytes { get; set; } = 8L * 1024 * 1024 * 1024;

    /// <summary>Upload analysis and variant building stop when they take longer than this.</summary>
    public TimeSpan SandboxTimeLimit { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The worker instance's id; the supervisor sets it, a worker started by hand makes one up.</summary>
    public string? WorkerId { get; set; }

    /// <summary>True in a worker the web host started: it stops when the web host goes away.</summary>
    public bool Supervised { get; set; }
}
