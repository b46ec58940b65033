using System.Text.Json.Serialization;

namespace EfficiencyDashboard.Core.Runs;

/// <summary>The load pattern of a run, after MLPerf LoadGen.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Scenario>))]
public enum Scenario
{
    /// <summary>One query at a time, each issued when the previous one completes.</summary>
    [JsonStringEnumMemberName("single-stream")]
    SingleStream,
}
