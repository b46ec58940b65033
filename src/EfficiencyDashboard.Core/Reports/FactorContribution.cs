namespace EfficiencyDashboard.Core.Reports;

/// <summary>One factor's share of a gain.</summary>
/// <param name="Factor">Hardware, algorithm or architecture.</param>
/// <param name="LogShapley">The factor's Shapley value of the natural-log efficiency; the three add up to ln(total gain).</param>
public sealed record FactorContribution(DecompositionFactor Factor, double LogShapley)
{
    /// <summary>The factor's share as a multiplier, exp(<see cref="LogShapley"/>); the three multiply to the total gain.</summary>
    public double Gain => Math.Exp(LogShapley);
}
