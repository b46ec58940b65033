namespace EfficiencyDashboard.Core.Reports;

/// <summary>Where a figure in a report comes from. Every page says which.</summary>
public enum ProvenanceKind
{
    /// <summary>Measured by the runner on this organisation's hardware; provenance ids are run ids.</summary>
    Measured,

    /// <summary>A public figure (MLPerf, a datasheet, a paper); provenance ids name the source.</summary>
    Reference,

    /// <summary>No figure: nothing is computed from it.</summary>
    Missing,
}
