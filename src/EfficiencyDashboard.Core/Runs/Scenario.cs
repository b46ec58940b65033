using System.Text.Json.Serialization;

namespace EfficiencyDashboard.Core.Runs;

/// <summary>The load pattern of a run, after MLPerf LoadGen.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Scenario>))]
public enum Scenario
{
    /// <summary>One query at a time, each issued when the previous one completes.</summary>
    [JsonStringEnumMemberName("single-stream")]
    SingleStream,

    /// <summary>All samples available at once, issued in batches back to back; headline samples per second.</summary>
    [JsonStringEnumMemberName("offline")]
    Offline,

    /// <summary>Queries arrive as a Poisson process at a target rate; headline p99 latency and whether the bound held.</summary>
    [JsonStringEnumMemberName("server")]
    Server,
}
