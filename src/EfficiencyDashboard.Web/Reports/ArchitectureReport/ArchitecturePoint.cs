using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Web.Reports.Measured;

namespace EfficiencyDashboard.Web.Reports.ArchitectureReport;

/// <summary>One model's measured efficiency in the report's setting, beside its size and its architecture's published quality.</summary>
/// <param name="Model">The catalog model, with the published facts of its architecture (reference).</param>
/// <param name="ThroughputPerSecond">Geometric mean samples per second of its runs (measured).</param>
/// <param name="BestThroughputPerSecond">Highest samples per second among them.</param>
/// <param name="BestThroughputRunId">The run that set it.</param>
/// <param name="SamplesPerJoule">Geometric mean samples per joule of the runs with energy; null when none measured energy.</param>
/// <param name="BestSamplesPerJouleRunId">The run with the highest samples per joule.</param>
/// <param name="EnergyScope">What the energy covers (GPU board, CPU package); null without energy.</param>
/// <param name="RunCount">Runs counted in the setting.</param>
/// <param name="InvalidRuns">How many of them are INVALID (0 unless the report includes them).</param>
public sealed record ArchitecturePoint(
    CatalogModel Model,
    double ThroughputPerSecond,
    double BestThroughputPerSecond,
    long BestThroughputRunId,
    double? SamplesPerJoule,
    long? BestSamplesPerJouleRunId,
    string? EnergyScope,
    int RunCount,
    int InvalidRuns)
{
    public int ModelId => Model.Id;

    public string ModelName => Model.Name;

    public ModelFamily Family => Model.Family;

    /// <summary>The published quality of the architecture when the model is not a variant (a variant's own quality is not published).</summary>
    public double? Quality => Model.Technique is null ? Model.Quality : null;
}
