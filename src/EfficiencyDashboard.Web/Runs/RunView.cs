using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>A run as the HTTP API returns it.</summary>
/// <param name="Phase">What a queued or running run is doing now; null once it ended.</param>
/// <param name="PhaseDetail">More about the phase, for example what a run waits for.</param>
/// <param name="Attempt">1, or 2 for the copy queued again after the first attempt's worker died.</param>
public sealed record RunView(
    long Id,
    RunStatus Status,
    double Progress,
    RunPhase? Phase,
    string? PhaseDetail,
    double? EtaSeconds,
    RunConfigView Config,
    RunResultView? Result,
    string? Error,
    int Attempt,
    long? RequeuedFromRunId,
    string? ExecutedBy,
    DateTime CreatedAtUtc,
    DateTime? StartedAtUtc,
    DateTime? FinishedAtUtc,
    string? CreatedBy)
{
    public static RunView From(Run run, RunUpdate? live)
    {
        // The notifier's update is at least as fresh as the row, and only kept while the run is queued or running.
        var current = run.Status.IsFinal() ? null : live ?? RunUpdate.Of(run);
        return new(
            run.Id,
            run.Status,
            run.Status == RunStatus.Running && current is not null ? current.Progress : run.Progress,
            current?.Phase,
            current?.PhaseDetail,
            run.Status == RunStatus.Running ? current?.EtaSeconds : null,
            RunConfigView.From(run),
            run.Result is null ? null : RunResultView.From(run.Result),
            run.Error,
            run.Attempt,
            run.RequeuedFromRunId,
            run.ExecutedBy,
            run.CreatedAtUtc,
            run.StartedAtUtc,
            run.FinishedAtUtc,
            run.CreatedBy);
    }
}
