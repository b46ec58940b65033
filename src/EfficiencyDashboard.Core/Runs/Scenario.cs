using System.Text.Json.Serialization;

namespace EfficiencyDashboard.Core.Runs;

/// <summary>The load pattern of a run, after MLPerf LoadGen.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Scenario>))]
public enum Scenario
{
    /// <summary>One query at a time, each issued when the previous one completes.</summary>
    [JsonStringEnumMemberName("single-stream")]
    SingleStream,

    /// <summary>
    /// The whole sample set issued at once, as one query, and worked through batch after batch; its size is the expected
    /// rate times the minimum duration (plus 10%), at least the minimum sample count. Headline: samples per second over
    /// the time from the issue to the last completion.
    /// </summary>
    [JsonStringEnumMemberName("offline")]
    Offline,

    /// <summary>Queries arrive as a Poisson process at a target rate; headline p99 latency and whether the bound held.</summary>
    [JsonStringEnumMemberName("server")]
    Server,
}
