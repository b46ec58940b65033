using System.Text.Json.Serialization;

namespace EfficiencyDashboard.Core.Measurements;

/// <summary>A validity rule a run can fail; see <see cref="ValidityRules"/> for each definition.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ValidityCheck>))]
public enum ValidityCheck
{
    /// <summary>An engineer marked the stored result INVALID after the fact, with a reason (interference noticed, wrong setup).</summary>
    [JsonStringEnumMemberName("marked-invalid")]
    MarkedInvalid,

    /// <summary>Fewer warm-up queries than required ran before measuring.</summary>
    [JsonStringEnumMemberName("too-little-warmup")]
    TooLittleWarmup,

    /// <summary>The measured window was shorter than the minimum duration.</summary>
    [JsonStringEnumMemberName("too-short")]
    TooShort,

    /// <summary>Too few queries for the minimum count or for the reported percentile.</summary>
    [JsonStringEnumMemberName("too-few-queries")]
    TooFewQueries,

    /// <summary>Latencies varied more than the coefficient-of-variation threshold.</summary>
    [JsonStringEnumMemberName("high-variation")]
    HighVariation,

    /// <summary>The run executed on another execution provider than the one requested.</summary>
    [JsonStringEnumMemberName("provider-fallback")]
    ProviderFallback,

    /// <summary>Some nodes of a GPU session ran on the CPU.</summary>
    [JsonStringEnumMemberName("nodes-on-cpu")]
    NodesOnCpu,

    /// <summary>Another process used the GPU during the measured window.</summary>
    [JsonStringEnumMemberName("gpu-shared")]
    GpuShared,

    /// <summary>Server scenario: the 99th percentile latency exceeded the latency bound.</summary>
    [JsonStringEnumMemberName("latency-bound-exceeded")]
    LatencyBoundExceeded,

    /// <summary>Other work took more than the threshold of the runner's cores during the measured window.</summary>
    [JsonStringEnumMemberName("host-busy")]
    HostBusy,

    /// <summary>A GPU run's node placement could not be checked, so nodes may have run on the CPU unnoticed.</summary>
    [JsonStringEnumMemberName("placement-unverified")]
    PlacementUnverified,
}
