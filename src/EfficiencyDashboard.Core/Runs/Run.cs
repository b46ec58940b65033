using EfficiencyDashboard.Core.Catalog;

namespace EfficiencyDashboard.Core.Runs;

/// <summary>One measurement of one model on one execution provider with one scenario and batch size.</summary>
public sealed class Run
{
    public long Id { get; set; }

    public int ModelId { get; set; }

    public Model? Model { get; set; }

    public ExecutionProvider ExecutionProvider { get; set; }

    public Scenario Scenario { get; set; }

    public int BatchSize { get; set; }

    /// <summary>Minimum measured time after warm-up; the run also needs <see cref="MinQueries"/>.</summary>
    public double DurationSeconds { get; set; }

    /// <summary>Minimum number of measured queries; the run also needs <see cref="DurationSeconds"/>.</summary>
    public int MinQueries { get; set; }

    /// <summary>Queries run and discarded before measuring.</summary>
    public int WarmupQueries { get; set; }

    /// <summary>Server scenario: the mean arrival rate of the Poisson process, queries per second.</summary>
    public double? TargetQps { get; set; }

    /// <summary>Server scenario: the p99 latency the run must hold, in milliseconds.</summary>
    public double? LatencyBoundMs { get; set; }

    /// <summary>Judge validity with the strict preset (600 s; 24,576 queries for p90, 270,336 for p99) instead of the default.</summary>
    public bool StrictValidity { get; set; }

    /// <summary>The suite start that queued this run, if any.</summary>
    public long? SuiteRunId { get; set; }

    /// <summary>The hardware record of the host that executed the run.</summary>
    public int? HardwareId { get; set; }

    /// <summary>When the requested provider cannot load, run on the CPU (and say so) instead of failing.</summary>
    public bool AllowCpuFallback { get; set; }

    /// <summary>Values for the model's dynamic dimensions other than the batch, by input name.</summary>
    public Dictionary<string, int[]> InputShapes { get; set; } = [];

    /// <summary>The device queue that executes the run, for example <c>cpu</c> or <c>gpu0</c>.</summary>
    public required string Device { get; set; }

    public RunStatus Status { get; set; }

    /// <summary>Fraction of the measurement done, from 0 to 1.</summary>
    public double Progress { get; set; }

    public string? Error { get; set; }

    public bool CancelRequested { get; set; }

    /// <summary>The worker (host and device) that claimed the run, so a restart only recovers its own runs.</summary>
    public string? ExecutedBy { get; set; }

    /// <summary>The job engine's id for the job executing this run.</summary>
    public string? JobId { get; set; }

    /// <summary>The interrupted run this one repeats, if it was queued again after a crash.</summary>
    public long? RequeuedFromRunId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The user who requested the run (for a suite's run, who started the suite); "command line" for headless runs.</summary>
    public string? CreatedBy { get; set; }

    public DateTime? StartedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    public RunResult? Result { get; set; }
}
