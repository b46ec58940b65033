using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Reports.Measured;

namespace EfficiencyDashboard.Web.Reports.DecompositionReport;

/// <summary>One model on one machine and provider (as run), at one batch size and scenario, from the per-setting aggregates.</summary>
/// <param name="Figures">The setting's figures; a model measured at several input shapes counts at the one it ran most.</param>
public sealed record MeasuredConfiguration(SettingFigures Figures)
{
    public int HardwareId => Figures.Key.HardwareId;

    public ExecutionProvider Provider => Figures.Key.Provider;

    public int ModelId => Figures.Key.ModelId;

    public int BatchSize => Figures.Key.BatchSize;

    public Scenario Scenario => Figures.Key.Scenario;

    public int Runs => Figures.Runs;

    /// <summary>When its first counted run was measured.</summary>
    public DateTime FirstRunUtc => Figures.FirstMeasuredAtUtc;

    /// <summary>Geometric mean samples per second, or samples per joule over the runs with energy; null without energy.</summary>
    public double? Efficiency(DecompositionMetric metric) =>
        metric == DecompositionMetric.SamplesPerJoule ? Figures.GeometricMeanSamplesPerJoule : Figures.GeometricMeanThroughput;

    /// <summary>One row per (machine, provider, model, batch size, scenario) outside the Server scenario.</summary>
    public static List<MeasuredConfiguration> From(MeasuredSettings measured) =>
        [.. measured.Settings.Where(s => s.ComparesThroughput)
            .GroupBy(s => (s.Key.HardwareId, s.Key.Provider, s.Key.ModelId, s.Key.BatchSize, s.Key.Scenario))
            .Select(g => new MeasuredConfiguration(g.OrderByDescending(s => s.Runs).First()))];
}
