namespace EfficiencyDashboard.Core.Reports.Claims;

/// <summary>A claim's verdict with the reason in words and, for a mixed verdict, the groups where it holds and where not.</summary>
/// <param name="Holds">Groups whose own verdict is supported.</param>
/// <param name="Fails">Groups whose own verdict contradicts the claim, with the direction.</param>
public sealed record ClaimJudgement(ClaimVerdict Verdict, string Reason, IReadOnlyList<string> Holds, IReadOnlyList<string> Fails);
