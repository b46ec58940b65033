using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Reports.Explorer;

/// <summary>A measured run on the compare page: its configuration, result and latency samples (every query, or every <see cref="Stride"/>-th).</summary>
public sealed record ComparedRun(
    long Id,
    string ModelName,
    ModelFamily Family,
    Technique? Technique,
    ExecutionProvider RequestedProvider,
    Scenario Scenario,
    int BatchSize,
    string Hardware,
    RunResult Result,
    double[] LatencyMs,
    int Stride,
    int SampleCount)
{
    /// <summary>Samples per joule: 1 / energy per inference; null when no energy was measured.</summary>
    public double? SamplesPerJoule => Result.EnergyPerInferenceJ is double j && j > 0 ? 1 / j : null;

    /// <summary>A short name for legends and column headers.</summary>
    public string Label => $"#{Id} {ModelName} ({RequestedProvider.ApiName()}, batch {BatchSize})";
}
