namespace EfficiencyDashboard.Core.Reports;

/// <summary>The efficiency of one configuration of a decomposition, and where it comes from.</summary>
/// <param name="Combination">Which factors are at their target setting.</param>
/// <param name="Efficiency">Efficiency in the decomposition's one unit (samples/J, or samples/s where energy is not measured); null when missing.</param>
/// <param name="Provenance">Measured, Reference or Missing.</param>
/// <param name="ProvenanceIds">Run ids for a measured cell; the source (MLPerf round and system, datasheet) for a reference cell.</param>
public sealed record DecompositionCell(FactorCombination Combination, double? Efficiency, ProvenanceKind Provenance, IReadOnlyList<string> ProvenanceIds)
{
    /// <summary>A cell measured by the given runs.</summary>
    public static DecompositionCell Measured(string code, double efficiency, params string[] runIds) =>
        new(FactorCombination.Parse(code), efficiency, ProvenanceKind.Measured, runIds);

    /// <summary>A cell taken from reference data.</summary>
    public static DecompositionCell Reference(string code, double efficiency, params string[] sources) =>
        new(FactorCombination.Parse(code), efficiency, ProvenanceKind.Reference, sources);

    /// <summary>A cell with no figure.</summary>
    public static DecompositionCell Missing(string code) => new(FactorCombination.Parse(code), null, ProvenanceKind.Missing, []);
}
