namespace EfficiencyDashboard.Core.Measurements;

/// <summary>One failed validity rule and a sentence that says what was measured against what was required.</summary>
public sealed record ValidityReason(ValidityCheck Check, string Message);
