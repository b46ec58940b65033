using System.Text.Json.Serialization;

namespace EfficiencyDashboard.Core.Runs;

/// <summary>Where a run is in its life. Succeeded, failed, cancelled and interrupted are final.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunStatus>))]
public enum RunStatus
{
    [JsonStringEnumMemberName("queued")]
    Queued,

    [JsonStringEnumMemberName("running")]
    Running,

    [JsonStringEnumMemberName("succeeded")]
    Succeeded,

    [JsonStringEnumMemberName("failed")]
    Failed,

    [JsonStringEnumMemberName("cancelled")]
    Cancelled,

    /// <summary>The process stopped while the run executed; a new run with the same configuration was queued.</summary>
    [JsonStringEnumMemberName("interrupted")]
    Interrupted,
}
