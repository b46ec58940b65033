using EfficiencyDashboard.Core.Runs;
using static EfficiencyDashboard.Core.Exports.ColumnType;
using static EfficiencyDashboard.Core.Exports.ValueOrigin;

namespace EfficiencyDashboard.Core.Exports.Datasets;

/// <summary>One row per finished run with every metric.</summary>
public static class ResultsDataset
{
    public static ExportDataset Definition { get; } = new(
        "results",
        "One row per succeeded run with every measured metric. Latency percentiles use the nearest-rank definition over all measured queries (warm-up excluded).",
        [
            new("run_id", Integer, null, "The run's id.", Configuration, "r.Id"),
            new("measured_at", Timestamp, "UTC", "When the measurement finished.", Measured, "x.MeasuredAtUtc"),
            new("model_id", Integer, null, "The catalog model measured.", Configuration, "r.ModelId"),
            new("model_name", Text, null, "The model's name in the catalog.", Configuration, "m.Name"),
            new("model_family", Text, null, "ResNet, MobileNet, Transformer or Other.", Configuration, "m.Family"),
            new("execution_provider", Text, null, "The requested execution provider.", Configuration, "lower(r.ExecutionProvider)"),
            new("actual_execution_provider", Text, null, "The provider that actually executed the run.", Measured, "lower(x.ActualExecutionProvider)"),
            new("fallback_reason", Text, null, "Why the run did not execute on the requested provider.", Measured, "x.FallbackReason", Nullable: true),
            new("scenario", Text, null, "The load pattern (single-stream).", Configuration, SqlNames.ApiName<Scenario>("r.Scenario", s => s.ApiName())),
            new("batch_size", Integer, "samples/query", "Samples in each query.", Configuration, "r.BatchSize"),
            new("latency_p50_ms", Real, "ms", "Median query latency.", Measured, "x.LatencyP50Ms"),
            new("latency_p90_ms", Real, "ms", "90th percentile query latency; the SingleStream headline.", Measured, "x.LatencyP90Ms"),
            new("latency_p99_ms", Real, "ms", "99th percentile query latency.", Measured, "x.LatencyP99Ms"),
            new("latency_mean_ms", Real, "ms", "Mean query latency.", Measured, "x.LatencyMeanMs"),
            new("latency_min_ms", Real, "ms", "Fastest query.", Measured, "x.LatencyMinMs"),
            new("latency_max_ms", Real, "ms", "Slowest query.", Measured, "x.LatencyMaxMs"),
            new("query_count", Integer, "queries", "Measured queries.", Measured, "x.QueryCount"),
            new("sample_count", Integer, "samples", "Measured samples: queries times batch size.", Derived, "x.SampleCount"),
            new("measured_seconds", Real, "s", "Wall time of the measured window.", Measured, "x.MeasuredSeconds"),
            new("throughput_per_second", Real, "samples/s", "Samples per second: completed samples divided by measured wall time.", Derived, "x.ThroughputPerSecond"),
            new("machine_name", Text, null, "The host the run executed on.", Provenance, "x.MachineName"),
            new("cpu_model", Text, null, "The host's CPU model.", Provenance, "x.CpuModel"),
            new("onnx_runtime_version", Text, null, "ONNX Runtime version of the measurement.", Provenance, "x.OnnxRuntimeVersion"),
            new("intra_op_threads", Integer, "threads", "ONNX Runtime intra-op threads.", Provenance, "x.IntraOpThreads"),
        ],
        "Runs r JOIN Models m ON m.Id = r.ModelId JOIN RunResults x ON x.RunId = r.Id",
        "r.Id",
        RunFilters.All);
}
