namespace EfficiencyDashboard.Core.Reports.Claims;

/// <summary>What the evidence says of a claim. The rule is on <see cref="ClaimEvaluator.Evaluate"/>.</summary>
public enum ClaimVerdict
{
    /// <summary>The evidence overlaps the claimed range.</summary>
    Supported,

    /// <summary>All the evidence lies outside the claimed range.</summary>
    Contradicted,

    /// <summary>No evidence bears on the claim yet.</summary>
    NotEnoughEvidence,
}
