using EfficiencyDashboard.Core.Reports;

namespace EfficiencyDashboard.Web.Reports.DecompositionReport;

/// <summary>One of the eight cells as the page shows it: which configuration it is, its figure and where that comes from.</summary>
/// <param name="Configuration">The hardware, algorithm and architecture of the cell.</param>
/// <param name="ModelId">The model the cell runs (the architecture, or its variant with the algorithm); null when no such variant exists.</param>
/// <param name="Description">The cell in words: machine, provider, technique, model.</param>
/// <param name="Cell">The figure with its provenance (run ids, or the reference source).</param>
/// <param name="Runs">Runs behind a measured cell.</param>
/// <param name="HowToMeasure">For a missing cell: what to make and run to measure it.</param>
/// <param name="InvalidRuns">How many of the runs are INVALID (0 unless the report includes them).</param>
/// <param name="EnergyScope">For samples per joule, what the measured energy covers (GPU board, CPU package).</param>
public sealed record DecompositionCellView(
    DecompositionConfiguration Configuration,
    int? ModelId,
    string Description,
    DecompositionCell Cell,
    int Runs,
    string? HowToMeasure,
    int InvalidRuns = 0,
    string? EnergyScope = null)
{
    public FactorCombination Combination => Cell.Combination;
}
