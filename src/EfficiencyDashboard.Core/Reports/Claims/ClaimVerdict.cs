using System.Text.Json.Serialization;

namespace EfficiencyDashboard.Core.Reports.Claims;

/// <summary>What the evidence says of a claim. The rule is <see cref="VerdictRule.Text"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClaimVerdict>))]
public enum ClaimVerdict
{
    /// <summary>The central estimate lies in the claimed range (and so its interval overlaps it).</summary>
    [JsonStringEnumMemberName("supported")]
    Supported,

    /// <summary>The whole 95% interval lies below the claimed range.</summary>
    [JsonStringEnumMemberName("contradicted-below")]
    ContradictedBelow,

    /// <summary>The whole 95% interval lies above the claimed range.</summary>
    [JsonStringEnumMemberName("contradicted-above")]
    ContradictedAbove,

    /// <summary>The claim holds in some groups of settings and is contradicted in others.</summary>
    [JsonStringEnumMemberName("mixed")]
    Mixed,

    /// <summary>No evidence yet, no interval, or an interval too wide to decide.</summary>
    [JsonStringEnumMemberName("not-enough-evidence")]
    NotEnoughEvidence,

    /// <summary>A statement of fact (a row of the GPU table) that the datasheets contradict.</summary>
    [JsonStringEnumMemberName("contradicted")]
    Contradicted,
}
