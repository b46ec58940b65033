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
    public void Server_reports_its_schedule_and_never_more_than_the_schedule_delivered()
    {
        var settings = Settings(Scenario.Server, seconds: 0.5, minQueries: 50) with { TargetQps = 400, LatencyBoundMs = 250 };
        var schedule = PoissonSchedule.Create(400, 0.5, 50, settings.ScheduleSeed);

        var measurement = _benchmark.Measure(model.Path, settings, null, CancellationToken.None);

        var server = measurement.Server!;
        Assert.Equal(schedule.ArrivalTicks.Length, measurement.QueryCount);
        Assert.Equal(schedule.MeanRatePerSecond, server.ScheduledQps);
        // The window cannot close before the last arrival, so the achieved rate is at most the schedule's.
        var lastArrivalSeconds = schedule.ArrivalTicks[^1] / (double)System.Diagnostics.Stopwatch.Frequency;
        Assert.True(server.AchievedQps <= measurement.QueryCount / lastArrivalSeconds, $"achieved {server.AchievedQps}");
        Assert.Equal(server.LatencyP99Ms <= 250, server.BoundHeld);
        Assert.Equal(!server.BoundHeld, measurement.JudgeValidity(ValiditySettings.Default).Failed(ValidityCheck.LatencyBoundExceeded));
    }

    [Fact]
    public void Server_whose_p99_exceeds_the_bound_is_reported_and_invalid()
    {
        // A bound of one nanosecond: no inference on any machine holds it.
        var settings = Settings(Scenario.Server, seconds: 0, minQueries: 200) with { TargetQps = 1_000, LatencyBoundMs = 1e-6 };

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
    public void Offline_issues_the_expected_rate_times_the_duration_plus_a_tenth_in_whole_batches()
    {
        // 1,000 samples/s for 0.1 s, plus LoadGen's 10%: 110 samples, 7 batches of 16.
        var settings = Settings(Scenario.Offline, seconds: 0.1, minQueries: 4, batch: 16) with { TargetQps = 1_000 };

        var measurement = _benchmark.Measure(model.Path, settings, null, CancellationToken.None);

        Assert.Equal(112, measurement.SampleCount);
        Assert.Equal(7, measurement.QueryCount);
        Assert.Null(measurement.HeadlinePercentile);
        Assert.Null(measurement.Server);
    }

    [Fact]
    public void Offline_issues_at_least_the_minimum_sample_count_and_measures_one_stream()
    {
        var settings = Settings(Scenario.Offline, seconds: 0.01, minQueries: 500, batch: 16) with { TargetQps = 10 };

        var measurement = _benchmark.Measure(model.Path, settings, null, CancellationToken.None);

        Assert.Equal(512, measurement.SampleCount);
        // One window from the issue to the last completion: every batch starts inside it, back to back.
        var lastEndMs = measurement.StartOffsetsMs[^1] + measurement.LatenciesMs[^1];
        Assert.Equal(measurement.MeasuredSeconds * 1000, lastEndMs, 0.01);
        Assert.Equal(measurement.SampleCount / measurement.MeasuredSeconds, measurement.ThroughputPerSecond, 1e-9);
        Assert.True(measurement.StartOffsetsMs.Zip(measurement.StartOffsetsMs.Skip(1)).All(p => p.First <= p.Second));
    }

    [Fact]
    public void Offline_without_an_expected_rate_sizes_its_sample_set_from_the_warm_up()
    {
        var settings = Settings(Scenario.Offline, seconds: 0.2, minQueries: 1, batch: 4);

        var measurement = _benchmark.Measure(model.Path, settings, null, CancellationToken.None);

        Assert.True(measurement.OfflineExpectedSamplesPerSecond > 0);
        Assert.Equal(OfflineSampleSet.Size(measurement.OfflineExpectedSamplesPerSecond, 0.2, 1, 4), measurement.SampleCount);
        Assert.Equal(Scenario.Offline, measurement.Scenario);
    }

    [Fact]
    public void Warm_up_runs_for_its_minimum_time_as_well_as_its_count()
    {
        var settings = Settings(Scenario.SingleStream) with { WarmupQueries = 1, WarmupSeconds = 0.3 };
        using var setup = SessionSetup.Create(new UnavailableGpuLoader(), settings);
        using var session = PreparedSession.Open(model.Path, setup.Options, settings, CancellationToken.None);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();

        var warmup = WarmUp.Run(session, settings, CancellationToken.None);

        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) >= TimeSpan.FromSeconds(0.3));
        Assert.True(warmup.Queries >= 1);
        Assert.True(warmup.SamplesPerSecond > 0);
    }

    [Theory]
    [InlineData(1_000.0, 10.0, 64, 1, 11_000)]
    [InlineData(1_000.0, 10.0, 24_576, 1, 24_576)]
    [InlineData(100.0, 1.0, 1, 32, 128)]
    [InlineData(null, 10.0, 64, 8, 64)]
    [InlineData(0.0, 10.0, 5, 8, 8)]
    public void The_offline_sample_set_follows_loadgen(double? rate, double seconds, int minSamples, int batch, long expected)
    {
        Assert.Equal(expected, OfflineSampleSet.Size(rate, seconds, minSamples, batch));
    }

    [Fact]
    public void The_search_for_the_highest_rate_stays_within_its_trial_budget()
    {
        var settings = Settings(Scenario.Server) with { LatencyBoundMs = 200 };
        var search = new ServerCapacitySearch(TrialSeconds: 0.25, TrialMinQueries: 50, MaxTrials: 5, LowerQps: 200);

        var capacity = _benchmark.FindMaxQps(model.Path, settings, search, null, CancellationToken.None);

        // Whichever rates this machine holds, the search stays in budget and reports the highest rate that held.
        Assert.InRange(capacity.Trials.Count, 1, 5);
        Assert.Equal(capacity.Trials.Where(t => t.BoundHeld).Select(t => (double?)t.TargetQps).Max(), capacity.MaxQps);
        Assert.All(capacity.Trials.Where(t => t.TargetQps > (capacity.MaxQps ?? 0)), t => Assert.False(t.BoundHeld));
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
