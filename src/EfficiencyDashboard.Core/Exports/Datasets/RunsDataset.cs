using EfficiencyDashboard.Core.Runs;
using static EfficiencyDashboard.Core.Exports.ColumnType;
using static EfficiencyDashboard.Core.Exports.ValueOrigin;

namespace EfficiencyDashboard.Core.Exports.Datasets;

/// <summary>One row per run: what was asked, what happened, and where it ran.</summary>
public static class RunsDataset
{
    public static ExportDataset Definition { get; } = new(
        "runs",
        "One row per run: its configuration, status, timing and provenance (results are in the results dataset).",
        [
            new("run_id", Integer, null, "The run's id (as in /runs/{id} and /api/runs/{id}).", Configuration, "r.Id"),
            new("created_at", Timestamp, "UTC", "When the run was requested.", Configuration, "r.CreatedAtUtc"),
            new("started_at", Timestamp, "UTC", "When a worker started executing it.", Measured, "r.StartedAtUtc", Nullable: true),
            new("finished_at", Timestamp, "UTC", "When it reached a final status.", Measured, "r.FinishedAtUtc", Nullable: true),
            new("status", Text, null, "queued, running, succeeded, failed, cancelled or interrupted.", Measured, "lower(r.Status)"),
            new("error", Text, null, "Why the run failed or was interrupted.", Measured, "r.Error", Nullable: true),
            new("model_id", Integer, null, "The catalog model measured.", Configuration, "r.ModelId"),
            new("model_name", Text, null, "The model's name in the catalog.", Configuration, "m.Name"),
            new("model_family", Text, null, "ResNet, MobileNet, Transformer, ConvNet (AlexNet, VGG), Recurrent (LSTM) or Other.", Configuration, "m.Family"),
            new("execution_provider", Text, null, "The requested execution provider: cpu, cuda or tensorrt.", Configuration, "lower(r.ExecutionProvider)"),
            new("allow_cpu_fallback", ColumnType.Boolean, null, "Whether the run could fall back to the CPU when its provider did not load.", Configuration, "r.AllowCpuFallback"),
            new("scenario", Text, null, "The load pattern: single-stream, offline or server.", Configuration, SqlNames.ApiName<Scenario>("r.Scenario", s => s.ApiName())),
            new("batch_size", Integer, "samples/query", "Samples in each query.", Configuration, "r.BatchSize"),
            new("duration_seconds", Real, "s", "Minimum measured time after warm-up.", Configuration, "r.DurationSeconds"),
            new("min_queries", Integer, "queries", "Minimum measured queries; offline: the minimum sample count, as LoadGen reads min_query_count for its one Offline query.", Configuration, "r.MinQueries"),
            new("warmup_queries", Integer, "queries", "Queries run and discarded before measuring.", Configuration, "r.WarmupQueries"),
            new("device", Text, null, "The device queue that executed the run (cpu, gpu0).", Configuration, "r.Device"),
            new("executed_by", Text, null, "The runner worker instance (host/worker id) that claimed the run.", Provenance, "r.ExecutedBy", Nullable: true),
            new("requeued_from_run_id", Integer, null, "The interrupted run this run repeats.", Configuration, "r.RequeuedFromRunId", Nullable: true),
            new("actual_execution_provider", Text, null, "The provider that actually executed the run.", Measured, "lower(x.ActualExecutionProvider)", Nullable: true),
            new("onnx_runtime_version", Text, null, "ONNX Runtime version of the measurement.", Provenance, "x.OnnxRuntimeVersion", Nullable: true),
            new("intra_op_threads", Integer, "threads", "ONNX Runtime intra-op threads.", Provenance, "x.IntraOpThreads", Nullable: true),
            new("machine_name", Text, null, "The host the run executed on.", Provenance, "x.MachineName", Nullable: true),
            new("cpu_model", Text, null, "The host's CPU model.", Provenance, "x.CpuModel", Nullable: true),
            new("logical_cores", Integer, "cores", "The host's logical cores.", Provenance, "x.LogicalCores", Nullable: true),
            new("operating_system", Text, null, "The host's operating system.", Provenance, "x.OperatingSystem", Nullable: true),
            new("runtime_version", Text, null, "The .NET runtime of the runner.", Provenance, "x.RuntimeVersion", Nullable: true),
            new("target_qps", Real, "queries/s", "Server scenario: the Poisson arrival rate asked for. Offline: the expected samples per second that sized the sample set (empty: estimated from the warm-up).", Configuration, "r.TargetQps", Nullable: true),
            new("latency_bound_ms", Real, "ms", "Server scenario: the p99 latency bound asked for.", Configuration, "r.LatencyBoundMs", Nullable: true),
            new("strict_validity", ColumnType.Boolean, null, "Whether validity was judged with the strict MLPerf preset (mlperf.conf in github.com/mlcommons/inference: 600 s; 1,024 SingleStream queries, 270,336 Server queries, 24,576 Offline samples).", Configuration, "r.StrictValidity"),
            new("hardware_id", Integer, null, "The hardware record of the host (hardware dataset).", Provenance, "r.HardwareId", Nullable: true),
            new("runner_cores", Text, null, "The cores the runner could run on during the measured window, as a Linux CPU list such as 0-1.", Provenance, "x.RunnerCores", Nullable: true),
            new("host_contention_cores", Real, "cores", "Other work on the runner's cores during the measured window, in core-seconds per second (results dataset: by source); empty when not measured.", Measured, "x.HostContentionCores", Nullable: true),
            new("host_busy", ColumnType.Boolean, null, "Whether the run failed the host-busy check (other work above the threshold); empty for runs without a result.", Derived, "x.HostBusy", Nullable: true),
            // Sign-in and audit (issue 11).
            new("created_by", Text, null, "The user who requested the run; for a suite's runs, who started the suite; \"command line\" for headless runs. Empty for runs made before users existed.", Provenance, "r.CreatedBy", Nullable: true),
        ],
        RunFilters.RunTables,
        "r.Id",
        RunFilters.All);
}
