using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>What an executing run last reported: its phase and how far the measured window has come.</summary>
public sealed record ProgressSnapshot(RunPhase Phase, string? PhaseDetail, double Fraction, double ElapsedSeconds, double? EtaSeconds, int QueriesCompleted)
{
    public static ProgressSnapshot Starting(RunPhase phase, string? detail = null) => new(phase, detail, 0, 0, null, 0);
}
