namespace EfficiencyDashboard.Web.Reports.DecompositionReport;

/// <summary>The efficiency a decomposition splits: throughput by default, samples per joule where energy was measured.</summary>
public enum DecompositionMetric
{
    /// <summary>Samples per second (geometric mean over a cell's runs). In addresses: <c>samples-per-second</c>.</summary>
    SamplesPerSecond,

    /// <summary>Samples per joule = 1 / energy per inference (geometric mean over a cell's runs with energy). In addresses: <c>samples-per-joule</c>.</summary>
    SamplesPerJoule,
}
