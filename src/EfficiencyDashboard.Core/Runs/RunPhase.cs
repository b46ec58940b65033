using System.Text.Json.Serialization;

namespace EfficiencyDashboard.Core.Runs;

/// <summary>What a queued or running run is doing now. A finished run keeps the phase it was in when it ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunPhase>))]
public enum RunPhase
{
    /// <summary>Waiting in its device's queue.</summary>
    [JsonStringEnumMemberName("queued")]
    Queued,

    /// <summary>Claimed by a worker, waiting for a catalog or variant build on the runner's cores to finish before measuring.</summary>
    [JsonStringEnumMemberName("waiting-for-build")]
    WaitingForBuild,

    /// <summary>Opening the ONNX Runtime session on the requested execution provider.</summary>
    [JsonStringEnumMemberName("loading")]
    Loading,

    /// <summary>Running the warm-up queries, which are not measured.</summary>
    [JsonStringEnumMemberName("warming-up")]
    WarmingUp,

    /// <summary>The measured window: every query is timed.</summary>
    [JsonStringEnumMemberName("measuring")]
    Measuring,

    /// <summary>Writing the result and the latency samples.</summary>
    [JsonStringEnumMemberName("storing")]
    Storing,
}
