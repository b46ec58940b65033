using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Execution;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>Forwards the runner's progress to the notifier, synchronously and without touching the database.</summary>
internal sealed class RunProgressReporter(long runId, RunNotifier notifier) : IProgress<BenchmarkProgress>
{
    public void Report(BenchmarkProgress value) => notifier.Publish(new RunUpdate(
        runId, RunStatus.Running, PhaseName(value.Phase), value.Fraction, value.ElapsedSeconds, value.EtaSeconds, value.QueriesCompleted));

    private static string PhaseName(BenchmarkPhase phase) => phase switch
    {
        BenchmarkPhase.Loading => "loading",
        BenchmarkPhase.WarmingUp => "warming-up",
        _ => "measuring",
    };
}
