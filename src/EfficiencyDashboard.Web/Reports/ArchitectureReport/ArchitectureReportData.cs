using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.ReferenceData;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Reports.Measured;

namespace EfficiencyDashboard.Web.Reports.ArchitectureReport;

/// <summary>
/// The architecture report: each model's measured samples per second and samples per joule in one setting (machine,
/// provider as run, batch size, scenario), beside its size (parameters, FLOPs) and its architecture's published quality
/// (reference), with the Pareto front of efficiency against quality. From the per-setting aggregates.
/// </summary>
/// <param name="Filters">The setting compared, its machine filled in.</param>
/// <param name="Models">One point per model measured in the setting.</param>
/// <param name="BatchSizes">Batch sizes with measured runs, for the filter.</param>
/// <param name="Providers">Providers that actually ran measured runs, for the filter.</param>
/// <param name="Machines">Machines with measured runs, by id, for the filter.</param>
public sealed record ArchitectureReportData(
    ArchitectureReportFilters Filters,
    IReadOnlyList<ArchitecturePoint> Models,
    IReadOnlyList<int> BatchSizes,
    IReadOnlyList<ExecutionProvider> Providers,
    IReadOnlyDictionary<int, string> Machines)
{
    /// <summary>The quality metrics the page plots, each against its own axis.</summary>
    public static IReadOnlyList<string> QualityMetrics { get; } = [PublishedArchitecture.ImageNetTop1, PublishedArchitecture.GlueScore];

    public static async Task<ArchitectureReportData> LoadAsync(EfficiencyContext db, ArchitectureReportFilters filters, CancellationToken cancellationToken = default)
    {
        var measured = await MeasuredSettings.LoadAsync(db, filters.Runs, cancellationToken);
        var inSetting = measured.Settings
            .Where(s => s.ComparesThroughput && s.Key.BatchSize == filters.BatchSize && s.Key.Provider == filters.Provider && s.Key.Scenario == filters.Scenario)
            .ToList();
        // Without a machine chosen, the one where most models were measured in this setting.
        var hardware = filters.HardwareId ?? inSetting.GroupBy(s => s.Key.HardwareId)
            .OrderByDescending(g => g.Select(s => s.Key.ModelId).Distinct().Count()).ThenBy(g => g.Key).Select(g => (int?)g.Key).FirstOrDefault();
        var points = inSetting.Where(s => s.Key.HardwareId == hardware && measured.Models.ContainsKey(s.Key.ModelId))
            .GroupBy(s => s.Key.ModelId)
            // A model measured at several input shapes is shown at the one it ran most.
            .Select(g => g.OrderByDescending(s => s.Runs).First())
            .Select(s => new ArchitecturePoint(
                measured.Models[s.Key.ModelId], s.GeometricMeanThroughput, s.MaxThroughputPerSecond, s.MaxThroughputRunId,
                s.GeometricMeanSamplesPerJoule, s.MaxSamplesPerJouleRunId, s.EnergyScope, s.Runs, s.InvalidRuns))
            .OrderBy(p => p.Family).ThenBy(p => p.Model.ParameterCount).ThenBy(p => p.ModelName, StringComparer.Ordinal)
            .ToList();

        var comparable = measured.Settings.Where(s => s.ComparesThroughput).ToList();
        return new ArchitectureReportData(
            filters with { HardwareId = hardware },
            points,
            [.. comparable.Select(s => s.Key.BatchSize).Distinct().Order()],
            [.. comparable.Select(s => s.Key.Provider).Distinct().Order()],
            comparable.Select(s => s.Key.HardwareId).Distinct().ToDictionary(id => id, measured.MachineName));
    }

    /// <summary>The points with a published quality on <paramref name="metric"/>, for one chart.</summary>
    public IReadOnlyList<ArchitecturePoint> WithQuality(string metric) =>
        [.. Models.Where(p => p.Quality is not null && p.Model.Published?.QualityMetric == metric)];
}
