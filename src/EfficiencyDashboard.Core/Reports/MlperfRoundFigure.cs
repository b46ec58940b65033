namespace EfficiencyDashboard.Core.Reports;

/// <summary>The best figure of an MLPerf round, and the system that set it. Reference data.</summary>
/// <param name="Round">The round (<c>v4.1</c>).</param>
/// <param name="Published">The round's publication date.</param>
/// <param name="Value">The figure, in the unit its comparison names.</param>
/// <param name="Accelerator">The accelerator of the system (catalog name where it matches).</param>
/// <param name="Submitter">Who submitted the system.</param>
/// <param name="SystemId">The submitter's system id.</param>
public sealed record MlperfRoundFigure(string Round, DateOnly Published, double Value, string Accelerator, string Submitter, string SystemId)
{
    /// <summary>A provenance id for the figure: <c>MLPerf v4.1 Dell XE9680_H200_SXM_141GBx8_TRT</c>.</summary>
    public string ProvenanceId => $"MLPerf {Round} {Submitter} {SystemId}";
}
