namespace EfficiencyDashboard.Core.Reports;

/// <summary>An efficiency figure at a date, with the run id or reference source it comes from.</summary>
/// <param name="Date">When the figure was measured or published.</param>
/// <param name="Value">The figure (samples/J, samples/s, ...; one unit per series). Must be positive.</param>
/// <param name="ProvenanceId">Run id, or reference source such as <c>MLPerf v3.0 NVIDIA DGX-H100_H100-SXM-80GBx1_TRT</c>.</param>
public sealed record DatedValue(DateOnly Date, double Value, string ProvenanceId);
