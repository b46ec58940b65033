using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>A run as the HTTP API returns it.</summary>
public sealed record RunView(
    long Id,
    RunStatus Status,
    double Progress,
    string? Phase,
    double? EtaSeconds,
    RunConfigView Config,
    RunResultView? Result,
    string? Error,
    long? RequeuedFromRunId,
    string? ExecutedBy,
    DateTime CreatedAtUtc,
    DateTime? StartedAtUtc,
    DateTime? FinishedAtUtc,
    string? CreatedBy)
{
    public static RunView From(Run run, RunUpdate? live) => new(
        run.Id,
        run.Status,
        run.Status == RunStatus.Running && live is not null ? live.Progress : run.Progress,
        run.Status.IsFinal() ? null : live?.Phase ?? run.Status.ApiName(),
        run.Status == RunStatus.Running ? live?.EtaSeconds : null,
        RunConfigView.From(run),
        run.Result is null ? null : RunResultView.From(run.Result),
        run.Error,
        run.RequeuedFromRunId,
        run.ExecutedBy,
        run.CreatedAtUtc,
        run.StartedAtUtc,
        run.FinishedAtUtc,
        run.CreatedBy);
}
