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

    /// <summary>Minimum number of measured queries (Offline: samples); the run also needs <see cref="DurationSeconds"/>.</summary>
    public int MinQueries { get; set; }

    /// <summary>Queries run and discarded before measuring.</summary>
    public int WarmupQueries { get; set; }

    /// <summary>Server scenario: the mean arrival rate of the Poisson process, queries per second. Offline: the expected samples per second.</summary>
    public double? TargetQps { get; set; }

    /// <summary>Server scenario: the p99 latency the run must hold, in milliseconds.</summary>
    public double? LatencyBoundMs { get; set; }

    /// <summary>Judge validity with the strict preset (mlperf.conf: 600 s; 1,024 SingleStream queries, 270,336 Server queries, 24,576 Offline samples) instead of the default.</summary>
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

    /// <summary>What the run is doing now; a finished run keeps the phase it ended in, so a crash can say when it happened.</summary>
    public RunPhase Phase { get; set; }

    /// <summary>More about the phase in words, for example "waiting for the catalog build: ResNet-50".</summary>
    public string? PhaseDetail { get; set; }

    /// <summary>Fraction of the measurement done, from 0 to 1.</summary>
    public double Progress { get; set; }

    /// <summary>Seconds of the measured window so far, as the worker last reported.</summary>
    public double ElapsedSeconds { get; set; }

    /// <summary>Estimated seconds left, as the worker last reported; null until it can be estimated.</summary>
    public double? EtaSeconds { get; set; }

    /// <summary>Measured queries completed so far, as the worker last reported.</summary>
    public int QueriesCompleted { get; set; }

    public string? Error { get; set; }

    public bool CancelRequested { get; set; }

    /// <summary>How many times this configuration has been tried: 1, then 2 for the copy queued after a worker died.</summary>
    public int Attempt { get; set; } = 1;

    /// <summary>The worker instance that claimed the run.</summary>
    public string? ExecutedBy { get; set; }

    /// <summary>The worker instance that holds the run's lease while it executes.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>When the lease lapses unless its holder renews it; a lapsed lease means the holder died.</summary>
    public DateTime? LeaseExpiresAtUtc { get; set; }

    /// <summary>The job engine's id for the job executing this run.</summary>
    public string? JobId { get; set; }

    /// <summary>The interrupted run this one repeats, if it was queued again after its worker died or the host stopped.</summary>
    public long? RequeuedFromRunId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The user who requested the run (for a suite's run, who started the suite); "command line" for headless runs.</summary>
    public string? CreatedBy { get; set; }

    public DateTime? StartedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>When any process last changed the row; the web polls rows changed since it last looked.</summary>
    public DateTime UpdatedAtUtc { get; set; }

    public RunResult? Result { get; set; }

    /// <summary>
    /// A new queued run with every setting of <paramref name="run"/> (scenario, rates, bounds, preset, suite, shapes, device,
    /// and any setting added later, since the copy starts from the whole object) and a fresh execution state.
    /// </summary>
    public static Run RepeatFor(Run run, int attempt, DateTime nowUtc)
    {
        var retry = (Run)run.MemberwiseClone();
        retry.Id = 0;
        retry.Model = null;
        retry.Result = null;
        retry.InputShapes = run.InputShapes.ToDictionary(s => s.Key, s => s.Value.ToArray());
        retry.HardwareId = null;
        retry.Status = RunStatus.Queued;
        retry.Phase = RunPhase.Queued;
        retry.PhaseDetail = null;
        retry.Progress = 0;
        retry.ElapsedSeconds = 0;
        retry.EtaSeconds = null;
        retry.QueriesCompleted = 0;
        retry.Error = null;
        retry.CancelRequested = false;
        retry.Attempt = attempt;
        retry.ExecutedBy = null;
        retry.LeaseOwner = null;
        retry.LeaseExpiresAtUtc = null;
        retry.JobId = null;
        retry.RequeuedFromRunId = run.Id;
        retry.CreatedAtUtc = nowUtc;
        retry.StartedAtUtc = null;
        retry.FinishedAtUtc = null;
        retry.UpdatedAtUtc = nowUtc;
        return retry;
    }
}
