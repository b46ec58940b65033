using EfficiencyDashboard.Core.Measurements;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>VALID, or INVALID with the reasons (too short, too few queries, high variation, provider fallback, ...).</summary>
public sealed record ValidityView(bool IsValid, string Verdict, IReadOnlyList<ValidityReason> Reasons);
