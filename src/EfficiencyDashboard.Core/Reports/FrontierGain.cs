namespace EfficiencyDashboard.Core.Reports;

/// <summary>The two-year gain of an efficiency frontier: best at a date / best two years before it.</summary>
/// <param name="AsOf">The date the gain is for.</param>
/// <param name="TwoYearsEarlier"><paramref name="AsOf"/> minus two calendar years.</param>
/// <param name="Factor">The gain; null when there is no figure on or before either date.</param>
/// <param name="Current">The frontier at <paramref name="AsOf"/>.</param>
/// <param name="Earlier">The frontier at <paramref name="TwoYearsEarlier"/>.</param>
/// <param name="Reason">Why <paramref name="Factor"/> is null; null otherwise.</param>
public sealed record FrontierGain(DateOnly AsOf, DateOnly TwoYearsEarlier, double? Factor, FrontierStep? Current, FrontierStep? Earlier, string? Reason);
