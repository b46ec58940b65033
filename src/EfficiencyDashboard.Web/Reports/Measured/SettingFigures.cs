using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Core.Reports.Aggregates;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Reports.Measured;

/// <summary>
/// One model in one setting, from its per-setting aggregates: the VALID results, or VALID and INVALID ones together when
/// the report's switch includes them (<see cref="InvalidRuns"/> says how many of them are INVALID).
/// </summary>
/// <param name="Throughput">ln(samples per second) over the runs.</param>
/// <param name="SamplesPerJoule">ln(samples per joule) over the runs that measured energy.</param>
/// <param name="EnergySource">Where the best energy figure came from, which says what it covers.</param>
public sealed record SettingFigures(
    SettingKey Key,
    int InvalidRuns,
    LogMoments Throughput,
    double MaxThroughputPerSecond,
    long MaxThroughputRunId,
    LogMoments SamplesPerJoule,
    double? MaxSamplesPerJoule,
    long? MaxSamplesPerJouleRunId,
    EnergySource EnergySource,
    DateTime FirstMeasuredAtUtc,
    DateTime LastMeasuredAtUtc,
    long LastRunId)
{
    public int Runs => Throughput.Count;

    public MeasuredSetting Setting => MeasuredSetting.Of(Key);

    /// <summary>Geometric mean samples per second of the runs.</summary>
    public double GeometricMeanThroughput => Throughput.GeometricMean;

    /// <summary>Geometric mean samples per joule of the runs with energy; null when none measured energy.</summary>
    public double? GeometricMeanSamplesPerJoule => SamplesPerJoule.Count > 0 ? SamplesPerJoule.GeometricMean : null;

    /// <summary>What the energy figures cover, or null without energy.</summary>
    public string? EnergyScope => SamplesPerJoule.Count > 0 ? EnergyScopes.Of(EnergySource) : null;

    /// <summary>The target's throughput over this one's, with its interval (Welch from repeated runs, none from one run a side).</summary>
    public GainEstimate SpeedUpTo(SettingFigures target) => GainEstimate.FromRunMoments(Throughput, target.Throughput);

    /// <summary>The combined figures of a setting's VALID row and, when included, its INVALID row.</summary>
    public static SettingFigures? Combine(SettingAggregate? valid, SettingAggregate? invalid)
    {
        var rows = new[] { valid, invalid }.OfType<SettingAggregate>().ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var fastest = rows.OrderByDescending(r => r.MaxThroughputPerSecond).ThenBy(r => r.MaxThroughputRunId).First();
        var frugal = rows.Where(r => r.MaxSamplesPerJoule is not null)
            .OrderByDescending(r => r.MaxSamplesPerJoule).ThenBy(r => r.MaxSamplesPerJouleRunId).FirstOrDefault();
        return new SettingFigures(
            rows[0].Key,
            invalid?.Runs ?? 0,
            rows.Aggregate(default(LogMoments), (sum, r) => sum + r.Throughput),
            fastest.MaxThroughputPerSecond,
            fastest.MaxThroughputRunId,
            rows.Aggregate(default(LogMoments), (sum, r) => sum + r.SamplesPerJoule),
            frugal?.MaxSamplesPerJoule,
            frugal?.MaxSamplesPerJouleRunId,
            frugal?.EnergySource ?? EnergySource.None,
            rows.Min(r => r.FirstMeasuredAtUtc),
            rows.Max(r => r.LastMeasuredAtUtc),
            rows.Max(r => r.LastRunId));
    }

    /// <summary>Whether the setting's figures are throughput comparable: never the Server scenario, whose rate includes queueing.</summary>
    public bool ComparesThroughput => Key.Scenario != Scenario.Server;
}
