using EfficiencyDashboard.Core.Measurements;

namespace EfficiencyDashboard.Core.Reports.Aggregates;

/// <summary>
/// A model's best samples per joule of one day (UTC), kept as results land: the measured two-year headline follows the best
/// figure over time without reading every run. Server runs are left out, as their figures include queueing.
/// </summary>
public sealed class DailyBest
{
    public long Id { get; set; }

    public int ModelId { get; set; }

    public DateOnly Day { get; set; }

    public bool IsValid { get; set; }

    /// <summary>Where the energy figures came from; figures of different scopes (GPU board, CPU package) are kept apart.</summary>
    public EnergySource EnergySource { get; set; }

    public double SamplesPerJoule { get; set; }

    public long RunId { get; set; }
}
