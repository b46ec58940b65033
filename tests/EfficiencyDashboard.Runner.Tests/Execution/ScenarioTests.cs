using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Runner.Tests.Telemetry;

namespace EfficiencyDashboard.Runner.Tests.Execution;

public sealed class ScenarioTests(TinyModelFile model) : IClassFixture<TinyModelFile>
{
    private readonly InferenceBenchmark _benchmark = new(new UnavailableGpuLoader(), new FakeNvml());

    private static BenchmarkSettings Settings(Scenario scenario, double seconds = 0.2, int minQueries = 100, int batch = 1) =>
        new(ExecutionProvider.Cpu, batch, seconds, minQueries, WarmupQueries: 5, IntraOpThreads: 1) { Scenario = scenario };

    [Fact]
    public void Server_latency_includes_queueing_when_queries_arrive_faster_than_they_run()
    {
        // Ten million queries per second: 3,000 arrive within 0.3 ms, far faster than one worker serves them.
        var settings = Settings(Scenario.Server, seconds: 0, minQueries: 3_000) with { TargetQps = 10_000_000, LatencyBoundMs = 50 };

        var measurement = _benchmark.Measure(model.Path, settings, null, CancellationToken.None);

        var server = Assert.IsType<ServerResult>(measurement.Server);
        Assert.Equal(3_000, measurement.QueryCount);
        Assert.True(server.LatencyP99Ms > 20 * server.MeanInferenceMs, $"p99 {server.LatencyP99Ms} ms, inference {server.MeanInferenceMs} ms");
        Assert.True(server.AchievedQps < server.TargetQps / 2, $"achieved {server.AchievedQps}");
        Assert.Equal(measurement.Histogram.P99Ms, server.LatencyP99Ms);
        Assert.Equal(ReportedPercentile.P99, measurement.HeadlinePercentile);
        // Latency runs from the scheduled arrival to completion, so the last query waited for all the others.
        Assert.True(measurement.LatenciesMs[^1] >= measurement.LatenciesMs[0], $"{measurement.LatenciesMs[0]} then {measurement.LatenciesMs[^1]}");
    }

    [Fact]
    public void Server_at_a_comfortable_rate_holds_its_bound_and_achieves_the_rate()
    {
        var settings = Settings(Scenario.Server, seconds: 0.5, minQueries: 50) with { TargetQps = 400, LatencyBoundMs = 250 };

        var measurement = _benchmark.Measure(model.Path, settings, null, CancellationToken.None);

        var server = measurement.Server!;
        Assert.True(server.BoundHeld, $"p99 {server.LatencyP99Ms} ms");
        Assert.Equal(server.ScheduledQps, server.AchievedQps, server.ScheduledQps * 0.15);
        Assert.Equal(400, server.ScheduledQps, 400 * 0.25);
        Assert.False(measurement.JudgeValidity(ValiditySettings.Default).Failed(ValidityCheck.LatencyBoundExceeded));
    }

    [Fact]
    public void Server_whose_p99_exceeds_the_bound_is_reported_and_invalid()
    {
        var settings = Settings(Scenario.Server, seconds: 0, minQueries: 2_000) with { TargetQps = 1_000_000, LatencyBoundMs = 0.001 };

        var measurement = _benchmark.Measure(model.Path, settings, null, CancellationToken.None);

        Assert.False(measurement.Server!.BoundHeld);
        Assert.True(measurement.JudgeValidity(ValiditySettings.Default).Failed(ValidityCheck.LatencyBoundExceeded));
    }

    [Fact]
    public void Server_without_a_rate_or_bound_is_refused_before_loading()
    {
        var error = Assert.Throws<RunnerException>(() =>
            _benchmark.Measure(model.Path, Settings(Scenario.Server) with { LatencyBoundMs = 10 }, null, CancellationToken.None));

        Assert.Contains("targetQps", error.Message);
    }

    [Fact]
    public void Offline_throughput_is_samples_over_the_wall_time_of_the_window()
    {
        var measurement = _benchmark.Measure(model.Path, Settings(Scenario.Offline, batch: 16), null, CancellationToken.None);

        var wallSeconds = (measurement.StartOffsetsMs[^1] + measurement.LatenciesMs[^1]) / 1000;
        Assert.Equal(measurement.QueryCount * 16L, measurement.SampleCount);
        Assert.Equal(measurement.SampleCount / measurement.MeasuredSeconds, measurement.ThroughputPerSecond, 1e-9);
        Assert.Equal(measurement.SampleCount / wallSeconds, measurement.ThroughputPerSecond, measurement.ThroughputPerSecond * 0.01);
        Assert.Null(measurement.HeadlinePercentile);
        Assert.Null(measurement.Server);
    }

    [Fact]
    public void Warm_up_runs_for_its_minimum_time_as_well_as_its_count()
    {
        var settings = Settings(Scenario.SingleStream) with { WarmupSeconds = 0.3 };

        var measurement = _benchmark.Measure(model.Path, settings, null, CancellationToken.None);

        Assert.True(measurement.WarmupQueriesCompleted > 5);
        Assert.Equal(ReportedPercentile.P90, measurement.HeadlinePercentile);
    }

    [Fact]
    public void The_search_for_the_highest_rate_stays_within_its_trial_budget()
    {
        // A bound far above any stall a shared machine causes at the low rate, so the first trial holds.
        var settings = Settings(Scenario.Server) with { LatencyBoundMs = 200 };
        var search = new ServerCapacitySearch(TrialSeconds: 0.25, TrialMinQueries: 50, MaxTrials: 5, LowerQps: 200);

        var capacity = _benchmark.FindMaxQps(model.Path, settings, search, null, CancellationToken.None);

        Assert.InRange(capacity.Trials.Count, 2, 5);
        Assert.NotNull(capacity.MaxQps);
        var best = capacity.Trials.Where(t => t.BoundHeld).MaxBy(t => t.TargetQps)!;
        Assert.Equal(best.TargetQps, capacity.MaxQps!.Value, 1e-9);
        Assert.All(capacity.Trials.Where(t => t.TargetQps > capacity.MaxQps), t => Assert.False(t.BoundHeld));
    }

    [Fact]
    public void The_search_says_so_when_no_rate_holds_the_bound()
    {
        var settings = Settings(Scenario.Server) with { LatencyBoundMs = 1e-6 };

        var capacity = _benchmark.FindMaxQps(model.Path, settings, new ServerCapacitySearch(0.05, 20, 4), null, CancellationToken.None);

        Assert.Null(capacity.MaxQps);
        Assert.Single(capacity.Trials);
        Assert.StartsWith("Even ", capacity.Note);
    }
}
