namespace EfficiencyDashboard.Web.Reports.AlgorithmReport;

/// <summary>The runs on one side of a comparison, as the per-setting aggregates count them.</summary>
/// <param name="Runs">Results counted (VALID ones, and INVALID ones when the report includes them).</param>
/// <param name="InvalidRuns">How many of them are INVALID (0 unless the report includes INVALID results).</param>
/// <param name="LatestRunId">The newest run of the setting.</param>
/// <param name="FastestRunId">The run with the highest samples per second.</param>
public sealed record ComparedSide(int Runs, int InvalidRuns, long LatestRunId, long FastestRunId)
{
    public static ComparedSide Of(Measured.SettingFigures figures) =>
        new(figures.Runs, figures.InvalidRuns, figures.LastRunId, figures.MaxThroughputRunId);

    /// <summary>The side's run ids to link: the newest and the fastest.</summary>
    public IReadOnlyList<long> RunIds => LatestRunId == FastestRunId ? [LatestRunId] : [LatestRunId, FastestRunId];
}
