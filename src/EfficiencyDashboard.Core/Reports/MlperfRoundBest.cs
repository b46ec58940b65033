namespace EfficiencyDashboard.Core.Reports;

/// <summary>The best MLPerf figures of one accelerator in one round for one benchmark and scenario. Reference data.</summary>
/// <param name="Accelerator">The catalog name when the submitter's name matches the accelerator catalog, else the name as submitted.</param>
/// <param name="InCatalog">Whether <paramref name="Accelerator"/> is a catalog name.</param>
/// <param name="Benchmark">The benchmark.</param>
/// <param name="Scenario">The scenario.</param>
/// <param name="Round">The round (<c>v3.0</c>).</param>
/// <param name="Published">The round's publication date.</param>
/// <param name="BestThroughputPerAccelerator">Best result / (accelerators per node x nodes) among the accelerator's systems; null when none has a performance result.</param>
/// <param name="ThroughputUnit">Unit of the throughput, per accelerator (<c>Samples per second</c>).</param>
/// <param name="ThroughputSource">Submitter and system id of the best throughput.</param>
/// <param name="BestSystemSamplesPerJoule">
/// Best throughput per watt = samples (or tokens) per joule of a whole system (host, fans and power supplies included),
/// not per accelerator; null when no system with this accelerator has a power result in the round.
/// </param>
/// <param name="SamplesPerJouleSource">Submitter and system id of the best samples per joule.</param>
public sealed record MlperfRoundBest(
    string Accelerator,
    bool InCatalog,
    string Benchmark,
    string Scenario,
    string Round,
    DateOnly Published,
    double? BestThroughputPerAccelerator,
    string? ThroughputUnit,
    string? ThroughputSource,
    double? BestSystemSamplesPerJoule,
    string? SamplesPerJouleSource);
