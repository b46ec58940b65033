using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Runner.Tests.Telemetry;

namespace EfficiencyDashboard.Runner.Tests.Execution;

public sealed class MeasurementValidityTests(TinyModelFile model) : IClassFixture<TinyModelFile>
{
    private readonly InferenceBenchmark _benchmark = new(new UnavailableGpuLoader(), new FakeNvml());

    private static BenchmarkSettings Settings(ExecutionProvider provider = ExecutionProvider.Cpu, int minQueries = 200, int warmup = 10) =>
        new(provider, 1, 0.1, minQueries, warmup, AllowCpuFallback: true, IntraOpThreads: 1);

    [Fact]
    public void The_histogram_holds_every_measured_query_and_agrees_with_the_raw_latencies()
    {
        var measurement = _benchmark.Measure(model.Path, Settings(), null, CancellationToken.None);
        var sorted = measurement.LatenciesMs.Order().ToArray();
        // Nearest rank: the smallest latency with at least 90% of the queries at or below it.
        var p90 = sorted[(int)Math.Ceiling(0.9m * sorted.Length) - 1];

        Assert.Equal(measurement.QueryCount, measurement.Histogram.Count);
        Assert.InRange(measurement.Histogram.P90Ms, p90 * 0.999, p90 * 1.001);
        Assert.InRange(measurement.Histogram.MeanMs, sorted.Average() * 0.99, sorted.Average() * 1.01);
        Assert.Equal(measurement.Histogram.P99Ms, LatencyHistogram.FromBytes(measurement.Histogram.ToBytes()).P99Ms);
    }

    [Fact]
    public void A_short_run_with_too_little_warm_up_is_invalid_for_both_reasons()
    {
        var measurement = _benchmark.Measure(model.Path, Settings(warmup: 2), null, CancellationToken.None);

        var validity = measurement.JudgeValidity(ValiditySettings.Default);

        Assert.False(validity.IsValid);
        Assert.True(validity.Failed(ValidityCheck.TooShort));
        Assert.True(validity.Failed(ValidityCheck.TooLittleWarmup));
        Assert.False(validity.Failed(ValidityCheck.TooFewQueries));
    }

    [Fact]
    public void A_run_that_fell_back_to_the_cpu_is_invalid_and_says_what_was_asked()
    {
        var measurement = _benchmark.Measure(model.Path, Settings(ExecutionProvider.Cuda), null, CancellationToken.None);

        Assert.Equal(ExecutionProvider.Cuda, measurement.RequestedExecutionProvider);
        Assert.Equal(ExecutionProvider.Cpu, measurement.ActualExecutionProvider);
        // One preemption among thousands of microsecond queries can push the noise rule over too; only fallback matters here.
        var reason = Assert.Single(measurement.JudgeValidity(ValiditySettings.Default).Reasons, r => r.Check == ValidityCheck.ProviderFallback);
        Assert.Equal("The run asked for CUDA but executed on CPU.", reason.Message);
    }
}
