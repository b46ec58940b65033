using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Runner.Tests.Telemetry;

namespace EfficiencyDashboard.Runner.Tests.Execution;

public sealed class OverheadBenchmarkTests(TinyModelFile model) : IClassFixture<TinyModelFile>
{
    [Fact]
    public void The_runner_reports_what_a_bare_loop_measures_and_costs_microseconds_per_query()
    {
        var overhead = new OverheadBenchmark(new UnavailableGpuLoader(), new FakeNvml());
        var settings = new BenchmarkSettings(ExecutionProvider.Cpu, 1, 0, 0, WarmupQueries: 50, IntraOpThreads: 1);

        var report = overhead.Compare(model.Path, settings, rounds: 3, queriesPerRound: 2_000, CancellationToken.None);

        Assert.Equal(3, report.RoundRatios.Count);
        // Generous bounds: two shared cores make single rounds noisy, but a runner that timed itself would be far off.
        Assert.InRange(report.MedianLatencyRatio, 0.3, 2.0);
        Assert.InRange(report.RunnerCostPerQueryUs, 0, 50);
        Assert.True(report.ThroughputWithinOnePercent,
            $"reported {report.ReportedThroughputPerSecond}, recomputed {report.RecomputedThroughputPerSecond}");
        Assert.Equal(report.ReportedThroughputPerSecond, report.RecomputedThroughputPerSecond, report.ReportedThroughputPerSecond * 0.01);
    }
}
