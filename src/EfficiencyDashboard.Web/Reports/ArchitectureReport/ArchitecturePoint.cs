using EfficiencyDashboard.Core.Catalog;

namespace EfficiencyDashboard.Web.Reports.ArchitectureReport;

/// <summary>One model's best measured efficiency at the report's batch size and provider. Measured on this install.</summary>
/// <param name="ParameterCount">Learnable parameters.</param>
/// <param name="MacsPerSample">Multiply-accumulates per sample.</param>
/// <param name="FlopsPerSample">Operations per sample (2 x MACs).</param>
/// <param name="BestThroughputPerSecond">Highest samples per second among the model's succeeded runs.</param>
/// <param name="BestThroughputRunId">The run that set it.</param>
/// <param name="BestSamplesPerJoule">1 / lowest energy per inference among those runs; null when no run measured energy.</param>
/// <param name="BestSamplesPerJouleRunId">The run that set it.</param>
/// <param name="RunCount">Succeeded runs of the model at this batch size and provider.</param>
public sealed record ArchitecturePoint(
    int ModelId,
    string ModelName,
    ModelFamily Family,
    string Task,
    long ParameterCount,
    long MacsPerSample,
    long FlopsPerSample,
    double BestThroughputPerSecond,
    long BestThroughputRunId,
    double? BestSamplesPerJoule,
    long? BestSamplesPerJouleRunId,
    int RunCount);
