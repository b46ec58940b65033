using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Runner.Tests.Telemetry;

namespace EfficiencyDashboard.Runner.Tests.Execution;

public sealed class OverheadBenchmarkTests(TinyModelFile model) : IClassFixture<TinyModelFile>
{
    [Fact]
    public void The_runner_reports_throughput_as_completed_samples_over_its_window()
    {
        var overhead = new OverheadBenchmark(new UnavailableGpuLoader(), new FakeNvml());
        var settings = new BenchmarkSettings(ExecutionProvider.Cpu, 1, 0, 0, WarmupQueries: 50, IntraOpThreads: 1);

        var report = overhead.Compare(model.Path, settings, rounds: 3, queriesPerRound: 2_000, CancellationToken.None);

        Assert.Equal(3, report.RoundRatios.Count);
        // Speed targets are the benchmark command's (docs/benchmarks.md); here, what holds on any machine: the window
        // holds every timed query, so the runner's cost per query is never negative, and both loops were timed.
        Assert.True(report.RunnerCostPerQueryUs >= 0, $"{report.RunnerCostPerQueryUs} us");
        Assert.True(report.BareMedianLatencyMs > 0 && report.RunnerMedianLatencyMs > 0);
        Assert.True(report.ThroughputWithinOnePercent,
            $"reported {report.ReportedThroughputPerSecond}, recomputed {report.RecomputedThroughputPerSecond}");
        Assert.Equal(report.ReportedThroughputPerSecond, report.RecomputedThroughputPerSecond, report.ReportedThroughputPerSecond * 0.01);
    }
}
