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
            new("model_family", Text, null, "ResNet, MobileNet, Transformer, ConvNet (AlexNet, VGG), Recurrent (LSTM) or Other.", Configuration, "m.Family"),
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
            new("headline_percentile", Text, null, "The percentile the scenario reports: p90 (single-stream), p99 (server), empty (offline).", Derived, "x.HeadlinePercentile", Nullable: true),
            new("latency_p95_ms", Real, "ms", "95th percentile query latency (HDR histogram, nearest rank).", Measured, "x.LatencyP95Ms"),
            new("latency_p999_ms", Real, "ms", "99.9th percentile query latency.", Measured, "x.LatencyP999Ms"),
            new("latency_stddev_ms", Real, "ms", "Standard deviation of query latency.", Measured, "x.LatencyStdDevMs"),
            new("latency_cv", Real, null, "Coefficient of variation of query latency: stddev / mean.", Derived, "x.LatencyCv"),
            new("warmup_queries_completed", Integer, "queries", "Warm-up queries run and discarded before measuring.", Measured, "x.WarmupQueriesCompleted"),
            new("is_valid", ColumnType.Boolean, null, "Whether the run passed every validity check (duration, query count for the reported percentile, CV, provider fallback, GPU sharing, server bound).", Derived, "x.IsValid"),
            new("validity_reasons", Text, null, "JSON list of the failed checks and their messages; [] when valid.", Derived, "x.ValidityReasons"),
            new("energy_per_inference_j", Real, "J", "Energy per inference (one sample); empty when not measured (see energy_reason).", Measured, "x.EnergyPerInferenceJ", Nullable: true),
            new("samples_per_joule", Real, "samples/J", "Efficiency: 1 / energy_per_inference_j.", Derived, "CASE WHEN x.EnergyPerInferenceJ > 0 THEN 1.0 / x.EnergyPerInferenceJ END", Nullable: true),
            new("total_energy_j", Real, "J", "Energy over the measured window.", Measured, "x.TotalEnergyJ", Nullable: true),
            new("energy_source", Text, null, "Where the energy figure comes from: NvmlEnergyCounter, NvmlPowerIntegral, RaplPackage or None.", Provenance, "x.EnergySource"),
            new("energy_reason", Text, null, "How the energy figure was obtained, or why there is none.", Provenance, "x.EnergyReason"),
            new("mean_gpu_power_w", Real, "W", "Mean GPU power over the measured window (NVML).", Measured, "x.MeanGpuPowerW", Nullable: true),
            new("peak_gpu_memory_bytes", Integer, "bytes", "Peak GPU memory used during the window (NVML).", Measured, "x.PeakGpuMemoryBytes", Nullable: true),
            new("mean_gpu_utilization_percent", Real, "%", "Mean GPU utilisation during the window (NVML).", Measured, "x.MeanGpuUtilizationPercent", Nullable: true),
            new("process_peak_rss_bytes", Integer, "bytes", "Peak resident memory of the runner process.", Measured, "x.ProcessPeakRssBytes", Nullable: true),
            new("process_cpu_utilization", Real, "fraction", "Runner process CPU time over wall time and cores, 0 to 1.", Measured, "x.ProcessCpuUtilization", Nullable: true),
            new("server_target_qps", Real, "queries/s", "Server scenario: the Poisson arrival rate asked for.", Configuration, "json_extract(x.Server, '$.targetQps')", Nullable: true),
            new("server_achieved_qps", Real, "queries/s", "Server scenario: completed queries per second.", Measured, "json_extract(x.Server, '$.achievedQps')", Nullable: true),
            new("server_latency_bound_ms", Real, "ms", "Server scenario: the p99 bound asked for.", Configuration, "json_extract(x.Server, '$.latencyBoundMs')", Nullable: true),
            new("server_bound_held", ColumnType.Boolean, null, "Server scenario: whether p99 latency stayed within the bound.", Derived, "json_extract(x.Server, '$.boundHeld')", Nullable: true),
            new("hardware_id", Integer, null, "The hardware record of the host (hardware dataset).", Provenance, "r.HardwareId", Nullable: true),
        ],
        "Runs r JOIN Models m ON m.Id = r.ModelId JOIN RunResults x ON x.RunId = r.Id",
        "r.Id",
        RunFilters.All);
}
