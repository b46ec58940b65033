namespace EfficiencyDashboard.Core.Runs;

/// <summary>Measurement settings used when a run request leaves them out (configuration section <c>Runner:Defaults</c>).</summary>
public sealed class RunDefaults
{
    public const string SectionName = "Runner:Defaults";

    public double DurationSeconds { get; set; } = 10;

    public int MinQueries { get; set; } = 64;

    public int WarmupQueries { get; set; } = 10;
}
