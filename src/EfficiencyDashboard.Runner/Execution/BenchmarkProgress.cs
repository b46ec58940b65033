namespace EfficiencyDashboard.Runner.Execution;

/// <summary>How far a measurement has come.</summary>
/// <param name="Fraction">Done fraction of the measured window, 0 to 1: the lesser of time and query progress.</param>
/// <param name="EtaSeconds">Estimated seconds left, null until it can be estimated.</param>
public sealed record BenchmarkProgress(BenchmarkPhase Phase, double Fraction, double ElapsedSeconds, double? EtaSeconds, int QueriesCompleted);
