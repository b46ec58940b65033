using System.Text.Json.Serialization;

namespace EfficiencyDashboard.Core.Measurements;

/// <summary>The latency percentile a scenario reports as its headline, which sets how many queries a valid run needs.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReportedPercentile>))]
public enum ReportedPercentile
{
    /// <summary>90th percentile: the SingleStream headline.</summary>
    [JsonStringEnumMemberName("p90")]
    P90,

    /// <summary>99th percentile: the Server headline.</summary>
    [JsonStringEnumMemberName("p99")]
    P99,
}
