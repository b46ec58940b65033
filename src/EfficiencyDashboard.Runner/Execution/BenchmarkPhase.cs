namespace EfficiencyDashboard.Runner.Execution;

public enum BenchmarkPhase
{
    Loading,
    WarmingUp,
    Measuring,
}
