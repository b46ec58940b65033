namespace EfficiencyDashboard.Core.Reports;

/// <summary>The efficiency frontier at one date: the best figure published or measured on or before it.</summary>
/// <param name="Date">A date with at least one figure.</param>
/// <param name="BestValue">The best figure on or before <paramref name="Date"/>.</param>
/// <param name="ProvenanceId">Where the best figure comes from.</param>
/// <param name="BestDate">When the best figure was set (on or before <paramref name="Date"/>).</param>
/// <param name="IsNewBest">Whether a figure on this date raised the frontier.</param>
public sealed record FrontierStep(DateOnly Date, double BestValue, string ProvenanceId, DateOnly BestDate, bool IsNewBest);
