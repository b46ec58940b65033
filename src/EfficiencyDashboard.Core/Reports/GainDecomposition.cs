namespace EfficiencyDashboard.Core.Reports;

/// <summary>A gain from a baseline to a target configuration split into hardware, algorithm and architecture.</summary>
/// <param name="IsComplete">Whether all eight cells had a figure, so nothing was estimated.</param>
/// <param name="TotalGain">Efficiency of the target / efficiency of the baseline; null when either is missing.</param>
/// <param name="Factors">Each factor's share; empty when the decomposition could not be computed.</param>
/// <param name="MissingCells">The combinations without a figure (given as missing or not given).</param>
/// <param name="EstimatedCells">Combinations estimated by a fallback the caller asked for; empty otherwise.</param>
/// <param name="Cells">The eight cells, 000 to 111, as used (estimated ones with provenance Missing).</param>
/// <param name="Note">Why nothing was computed, or which assumption a fallback made; null for a complete decomposition.</param>
public sealed record GainDecomposition(
    bool IsComplete,
    double? TotalGain,
    IReadOnlyList<FactorContribution> Factors,
    IReadOnlyList<FactorCombination> MissingCells,
    IReadOnlyList<FactorCombination> EstimatedCells,
    IReadOnlyList<DecompositionCell> Cells,
    string? Note)
{
    /// <summary>The share of one factor, or null when nothing was computed.</summary>
    public FactorContribution? For(DecompositionFactor factor) => Factors.FirstOrDefault(f => f.Factor == factor);
}
