using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Core.Reports.Aggregates;

/// <summary>
/// Every stored result of one model in one setting, summed as results land (<see cref="SettingAggregates"/>), so that the
/// reports' data work depends on the number of settings, not on the length of the history. Valid and invalid results are
/// kept apart. Throughput and samples per joule are summed as logarithms: geometric means and their run-to-run variance
/// (for Welch intervals) come straight from the sums.
/// </summary>
public sealed class SettingAggregate
{
    public long Id { get; set; }

    public int ModelId { get; set; }

    /// <summary>The machine; 0 for runs without a hardware record (shown as "unknown machine").</summary>
    public int HardwareId { get; set; }

    /// <summary>The execution provider that actually ran the runs (not the one requested).</summary>
    public ExecutionProvider Provider { get; set; }

    public int BatchSize { get; set; }

    public Scenario Scenario { get; set; }

    /// <summary>The inputs' shapes beyond the batch, as <see cref="SettingKey.ShapesOf"/> writes them ("128" for 128 tokens; empty for fixed shapes).</summary>
    public string InputShapes { get; set; } = "";

    /// <summary>Whether these are the setting's VALID results or its INVALID ones.</summary>
    public bool IsValid { get; set; }

    public int Runs { get; set; }

    /// <summary>Sum over the runs of ln(samples per second).</summary>
    public double SumLogThroughput { get; set; }

    /// <summary>Sum over the runs of ln(samples per second) squared.</summary>
    public double SumSquaredLogThroughput { get; set; }

    /// <summary>The highest samples per second of the runs.</summary>
    public double MaxThroughputPerSecond { get; set; }

    /// <summary>The run that set <see cref="MaxThroughputPerSecond"/>.</summary>
    public long MaxThroughputRunId { get; set; }

    /// <summary>Runs that measured energy.</summary>
    public int EnergyRuns { get; set; }

    /// <summary>Sum over the runs with energy of ln(samples per joule).</summary>
    public double SumLogSamplesPerJoule { get; set; }

    /// <summary>Sum over the runs with energy of ln(samples per joule) squared.</summary>
    public double SumSquaredLogSamplesPerJoule { get; set; }

    /// <summary>The highest samples per joule (1 / energy per inference); null when no run measured energy.</summary>
    public double? MaxSamplesPerJoule { get; set; }

    /// <summary>The run that set <see cref="MaxSamplesPerJoule"/>.</summary>
    public long? MaxSamplesPerJouleRunId { get; set; }

    /// <summary>Where that run's energy figure came from, which says what it covers (GPU board, CPU package).</summary>
    public EnergySource EnergySource { get; set; }

    public DateTime FirstMeasuredAtUtc { get; set; }

    public DateTime LastMeasuredAtUtc { get; set; }

    /// <summary>The newest run of the setting.</summary>
    public long LastRunId { get; set; }

    /// <summary>ln(samples per second) over the runs: count, mean and variance.</summary>
    public LogMoments Throughput => new(Runs, SumLogThroughput, SumSquaredLogThroughput);

    /// <summary>ln(samples per joule) over the runs that measured energy.</summary>
    public LogMoments SamplesPerJoule => new(EnergyRuns, SumLogSamplesPerJoule, SumSquaredLogSamplesPerJoule);

    /// <summary>The setting these figures belong to, validity aside.</summary>
    public SettingKey Key => new(ModelId, HardwareId, Provider, BatchSize, Scenario, InputShapes);
}
