using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Core.Reports.Aggregates;

/// <summary>The figures of one stored result that the aggregates sum, with the setting it belongs to.</summary>
/// <param name="SamplesPerJoule">1 / energy per inference; null when the run measured no energy.</param>
public sealed record StoredResult(
    long RunId,
    SettingKey Key,
    bool IsValid,
    double ThroughputPerSecond,
    double? SamplesPerJoule,
    EnergySource EnergySource,
    DateTime MeasuredAtUtc)
{
    /// <summary>Whether a run with this status counts: a stored result counts unless its run then failed, was cancelled or interrupted.</summary>
    public static bool Counts(RunStatus status) => status is not (RunStatus.Failed or RunStatus.Cancelled or RunStatus.Interrupted);

    /// <summary>The day (UTC) the result was measured.</summary>
    public DateOnly Day => DateOnly.FromDateTime(MeasuredAtUtc);

    /// <summary>Whether the result enters the daily best samples per joule (energy measured, not Server).</summary>
    public bool HasDailyBest => SamplesPerJoule is not null && Key.Scenario != Scenario.Server;

    /// <summary>Sums results into one row per setting and validity, as the incremental updates would.</summary>
    public static List<SettingAggregate> Aggregate(IEnumerable<StoredResult> results)
    {
        var rows = new Dictionary<(SettingKey, bool), SettingAggregate>();
        foreach (var result in results)
        {
            if (!rows.TryGetValue((result.Key, result.IsValid), out var row))
            {
                rows[(result.Key, result.IsValid)] = result.ToAggregate();
                continue;
            }

            var single = result.ToAggregate();
            row.Runs++;
            row.SumLogThroughput += single.SumLogThroughput;
            row.SumSquaredLogThroughput += single.SumSquaredLogThroughput;
            if (Beats(result.ThroughputPerSecond, result.RunId, row.MaxThroughputPerSecond, row.MaxThroughputRunId))
            {
                (row.MaxThroughputPerSecond, row.MaxThroughputRunId) = (result.ThroughputPerSecond, result.RunId);
            }

            row.EnergyRuns += single.EnergyRuns;
            row.SumLogSamplesPerJoule += single.SumLogSamplesPerJoule;
            row.SumSquaredLogSamplesPerJoule += single.SumSquaredLogSamplesPerJoule;
            if (result.SamplesPerJoule is { } perJoule
                && (row.MaxSamplesPerJoule is not { } best || Beats(perJoule, result.RunId, best, row.MaxSamplesPerJouleRunId!.Value)))
            {
                (row.MaxSamplesPerJoule, row.MaxSamplesPerJouleRunId, row.EnergySource) = (perJoule, result.RunId, result.EnergySource);
            }

            row.FirstMeasuredAtUtc = result.MeasuredAtUtc < row.FirstMeasuredAtUtc ? result.MeasuredAtUtc : row.FirstMeasuredAtUtc;
            row.LastMeasuredAtUtc = result.MeasuredAtUtc > row.LastMeasuredAtUtc ? result.MeasuredAtUtc : row.LastMeasuredAtUtc;
            row.LastRunId = Math.Max(row.LastRunId, result.RunId);
        }

        return [.. rows.Values];
    }

    /// <summary>The best samples per joule per model, day, validity and energy source.</summary>
    public static List<DailyBest> DailyBests(IEnumerable<StoredResult> results) =>
        [.. results.Where(r => r.HasDailyBest)
            .GroupBy(r => (r.Key.ModelId, r.Day, r.IsValid, r.EnergySource))
            .Select(g => g.Aggregate((best, r) => Beats(r.SamplesPerJoule!.Value, r.RunId, best.SamplesPerJoule!.Value, best.RunId) ? r : best))
            .Select(r => r.ToDailyBest())];

    /// <summary>The higher figure wins; on a tie, the older run, so that every order of arrival gives the same row.</summary>
    public static bool Beats(double value, long runId, double best, long bestRunId) => value > best || (value == best && runId < bestRunId);

    public SettingAggregate ToAggregate()
    {
        var throughput = LogMoments.Of(ThroughputPerSecond);
        var energy = SamplesPerJoule is { } perJoule ? LogMoments.Of(perJoule) : default;
        return new SettingAggregate
        {
            ModelId = Key.ModelId,
            HardwareId = Key.HardwareId,
            Provider = Key.Provider,
            BatchSize = Key.BatchSize,
            Scenario = Key.Scenario,
            InputShapes = Key.InputShapes,
            IsValid = IsValid,
            Runs = 1,
            SumLogThroughput = throughput.Sum,
            SumSquaredLogThroughput = throughput.SumOfSquares,
            MaxThroughputPerSecond = ThroughputPerSecond,
            MaxThroughputRunId = RunId,
            EnergyRuns = energy.Count,
            SumLogSamplesPerJoule = energy.Sum,
            SumSquaredLogSamplesPerJoule = energy.SumOfSquares,
            MaxSamplesPerJoule = SamplesPerJoule,
            MaxSamplesPerJouleRunId = SamplesPerJoule is null ? null : RunId,
            EnergySource = SamplesPerJoule is null ? EnergySource.None : EnergySource,
            FirstMeasuredAtUtc = MeasuredAtUtc,
            LastMeasuredAtUtc = MeasuredAtUtc,
            LastRunId = RunId,
        };
    }

    public DailyBest ToDailyBest() => new()
    {
        ModelId = Key.ModelId,
        Day = Day,
        IsValid = IsValid,
        EnergySource = EnergySource,
        SamplesPerJoule = SamplesPerJoule!.Value,
        RunId = RunId,
    };
}
