using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Reports.AlgorithmReport;

/// <summary>The figures of one succeeded run that the algorithm report compares.</summary>
/// <param name="EnergyPerInferenceJ">Null when the run measured no energy; <paramref name="EnergyReason"/> says why.</param>
public sealed record RunFigure(
    long RunId,
    int ModelId,
    MeasuredSetting Setting,
    double ThroughputPerSecond,
    double? EnergyPerInferenceJ,
    string EnergyReason,
    bool IsValid)
{
    /// <summary>Samples per joule = 1 / energy per inference; null when energy was not measured.</summary>
    public double? SamplesPerJoule => EnergyPerInferenceJ is > 0 and var e ? 1 / e : null;
}
