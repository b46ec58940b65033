using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Execution;

namespace EfficiencyDashboard.Runner.Tests.Execution;

public sealed class InferenceBenchmarkTests(TinyModelFile model) : IClassFixture<TinyModelFile>
{
    private readonly InferenceBenchmark _benchmark = new(new UnavailableGpuLoader());

    private static BenchmarkSettings Settings(
        ExecutionProvider provider = ExecutionProvider.Cpu, int batch = 1, double seconds = 0.2, int minQueries = 50, bool fallback = false) =>
        new(provider, batch, seconds, minQueries, WarmupQueries: 3, AllowCpuFallback: fallback, IntraOpThreads: 1);

    [Fact]
    public void Measures_every_query_until_both_duration_and_query_count_are_reached()
    {
        var measurement = _benchmark.Measure(model.Path, Settings(seconds: 0.2, minQueries: 50), null, CancellationToken.None);

        Assert.True(measurement.QueryCount >= 50);
        Assert.True(measurement.MeasuredSeconds >= 0.2);
        Assert.Equal(measurement.QueryCount, measurement.StartOffsetsMs.Length);
        Assert.All(measurement.LatenciesMs, l => Assert.True(l > 0));
        Assert.Equal(ExecutionProvider.Cpu, measurement.ActualExecutionProvider);
        Assert.Null(measurement.FallbackReason);
    }

    [Fact]
    public void Query_count_can_outlast_the_duration()
    {
        var measurement = _benchmark.Measure(model.Path, Settings(seconds: 0, minQueries: 2000), null, CancellationToken.None);

        Assert.Equal(2000, measurement.QueryCount);
    }

    [Fact]
    public void Throughput_is_completed_samples_over_measured_wall_time()
    {
        var measurement = _benchmark.Measure(model.Path, Settings(batch: 8), null, CancellationToken.None);

        Assert.Equal(measurement.QueryCount * 8L, measurement.SampleCount);
        Assert.Equal(measurement.SampleCount / measurement.MeasuredSeconds, measurement.ThroughputPerSecond, 6);
        // The window spans every query: the last one ends inside it.
        var lastEndMs = measurement.StartOffsetsMs[^1] + measurement.LatenciesMs[^1];
        Assert.InRange(lastEndMs, 0, measurement.MeasuredSeconds * 1000 + 0.01);
    }

    [Fact]
    public void Reports_progress_up_to_completion()
    {
        var reports = new List<BenchmarkProgress>();
        _benchmark.Measure(model.Path, Settings(seconds: 0.6), new SynchronousProgress(reports.Add), CancellationToken.None);

        Assert.Equal(BenchmarkPhase.Loading, reports[0].Phase);
        Assert.Contains(reports, r => r.Phase == BenchmarkPhase.WarmingUp);
        Assert.Contains(reports, r => r.Phase == BenchmarkPhase.Measuring && r.Fraction is > 0 and < 1 && r.EtaSeconds > 0);
        Assert.Equal(1, reports[^1].Fraction);
    }

    [Fact]
    public void Cuda_that_cannot_load_fails_with_the_reason_when_fallback_is_not_allowed()
    {
        var error = Assert.Throws<RunnerException>(() =>
            _benchmark.Measure(model.Path, Settings(ExecutionProvider.Cuda), null, CancellationToken.None));

        Assert.Contains("CUDA execution provider could not be loaded", error.Message);
        Assert.Contains(UnavailableGpuLoader.Message, error.Message);
    }

    [Fact]
    public void Cuda_that_cannot_load_runs_on_the_cpu_and_says_so_when_fallback_is_allowed()
    {
        var measurement = _benchmark.Measure(model.Path, Settings(ExecutionProvider.Cuda, fallback: true), null, CancellationToken.None);

        Assert.Equal(ExecutionProvider.Cpu, measurement.ActualExecutionProvider);
        Assert.Contains(UnavailableGpuLoader.Message, measurement.FallbackReason);
    }

    [Fact]
    public void Cancellation_stops_the_measurement()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        // A measurement that ignored the token would run its hour and return a result instead of throwing.
        Assert.ThrowsAny<OperationCanceledException>(() =>
            _benchmark.Measure(model.Path, Settings(seconds: 3_600), null, cancellation.Token));
    }

    [Fact]
    public void A_corrupt_model_file_gets_a_clear_message()
    {
        var corrupt = Path.Combine(model.Directory, "corrupt.onnx");
        File.WriteAllText(corrupt, "this is not an onnx graph");

        var error = Assert.Throws<RunnerException>(() => _benchmark.Measure(corrupt, Settings(), null, CancellationToken.None));

        Assert.StartsWith("ONNX Runtime could not load the model", error.Message);
    }

    [Fact]
    public void A_missing_model_file_gets_a_clear_message()
    {
        var error = Assert.Throws<RunnerException>(() =>
            _benchmark.Measure(Path.Combine(model.Directory, "missing.onnx"), Settings(), null, CancellationToken.None));

        Assert.Contains("does not exist", error.Message);
    }

    private sealed class SynchronousProgress(Action<BenchmarkProgress> report) : IProgress<BenchmarkProgress>
    {
        public void Report(BenchmarkProgress value) => report(value);
    }
}
