namespace EfficiencyDashboard.Core.Measurements;

/// <summary>
/// The verdict on a run: valid, or INVALID with every rule it failed. Judged by <see cref="ValidityRules.Judge"/>.
/// </summary>
public sealed record Validity(IReadOnlyList<ValidityReason> Reasons)
{
    /// <summary>True when the run passed every rule.</summary>
    public bool IsValid => Reasons.Count == 0;

    /// <summary>"VALID", or "INVALID: " followed by every reason, as shown beside a result.</summary>
    public string Summary => IsValid ? "VALID" : "INVALID: " + string.Join(" ", Reasons.Select(r => r.Message));

    /// <summary>Whether <paramref name="check"/> is among the failed rules.</summary>
    public bool Failed(ValidityCheck check) => Reasons.Any(r => r.Check == check);
}
