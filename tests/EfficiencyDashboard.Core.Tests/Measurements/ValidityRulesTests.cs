using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Core.Tests.Measurements;

public sealed class ValidityRulesTests
{
    private static ValidityEvidence Evidence(
        double seconds = 12, long queries = 5_000, ReportedPercentile? percentile = ReportedPercentile.P90, double cv = 0.1,
        ExecutionProvider requested = ExecutionProvider.Cpu, ExecutionProvider actual = ExecutionProvider.Cpu,
        string[]? nodesOnCpu = null, int[]? otherPids = null, double? boundMs = null, double p99Ms = 5, int warmup = 10) =>
        new(warmup, seconds, queries, percentile, cv, requested, actual, nodesOnCpu ?? [], otherPids ?? [], boundMs, p99Ms);

    [Fact]
    public void A_long_quiet_run_on_the_requested_provider_is_valid()
    {
        var validity = ValidityRules.Judge(Evidence(), ValiditySettings.Default);

        Assert.True(validity.IsValid);
        Assert.Equal("VALID", validity.Summary);
    }

    [Fact]
    public void A_short_run_is_invalid_with_the_durations_in_the_reason()
    {
        var validity = ValidityRules.Judge(Evidence(seconds: 3.5), ValiditySettings.Default);

        var reason = Assert.Single(validity.Reasons);
        Assert.Equal(ValidityCheck.TooShort, reason.Check);
        Assert.Contains("3.5 s", reason.Message);
        Assert.Contains("10 s", reason.Message);
        Assert.StartsWith("INVALID: ", validity.Summary);
    }

    [Theory]
    [InlineData(ReportedPercentile.P90, 63, false)]
    [InlineData(ReportedPercentile.P90, 64, true)]
    [InlineData(ReportedPercentile.P99, 661, false)]
    [InlineData(ReportedPercentile.P99, 662, true)]
    public void Query_count_must_reach_the_early_stopping_floor_of_the_reported_percentile(ReportedPercentile percentile, long queries, bool valid)
    {
        var validity = ValidityRules.Judge(Evidence(queries: queries, percentile: percentile), ValiditySettings.Default);

        Assert.Equal(valid, !validity.Failed(ValidityCheck.TooFewQueries));
    }

    [Fact]
    public void Strict_preset_needs_MLPerf_query_counts_and_ten_minutes()
    {
        var validity = ValidityRules.Judge(Evidence(seconds: 120, queries: 100_000, percentile: ReportedPercentile.P99, boundMs: 10), ValiditySettings.Strict);

        Assert.True(validity.Failed(ValidityCheck.TooShort));
        var tooFew = Assert.Single(validity.Reasons, r => r.Check == ValidityCheck.TooFewQueries);
        Assert.Contains("270336", tooFew.Message);
        Assert.Contains("p99", tooFew.Message);
    }

    [Theory]
    [InlineData(63, false)]
    [InlineData(64, true)]
    public void Offline_is_judged_on_its_samples_not_its_queries(long samples, bool valid)
    {
        var evidence = Evidence(queries: 2, percentile: null) with { Scenario = Scenario.Offline, SampleCount = samples };

        Assert.Equal(valid, !ValidityRules.Judge(evidence, ValiditySettings.Default).Failed(ValidityCheck.TooFewQueries));
    }

    [Theory]
    [InlineData(Scenario.SingleStream, ReportedPercentile.P90, 1_023, 1_024)]
    [InlineData(Scenario.Server, ReportedPercentile.P99, 270_335, 270_336)]
    [InlineData(Scenario.Offline, null, 24_575, 24_576)]
    public void Strict_floors_are_those_of_mlperf_conf(Scenario scenario, ReportedPercentile? percentile, long below, long floor)
    {
        ValidityEvidence At(long count) => Evidence(seconds: 600, queries: count, percentile: percentile, boundMs: scenario == Scenario.Server ? 10 : null)
            with { Scenario = scenario, SampleCount = count };

        var failed = ValidityRules.Judge(At(below), ValiditySettings.Strict);

        Assert.Contains(floor.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(failed.Reasons).Message);
        Assert.True(ValidityRules.Judge(At(floor), ValiditySettings.Strict).IsValid);
    }

    [Fact]
    public void Other_work_above_the_threshold_makes_the_run_host_busy_with_the_figure_in_the_reason()
    {
        var busy = Contention(other: 0.93, web: 0.85, workers: 0, rest: 0.08);

        var validity = ValidityRules.Judge(Evidence() with { HostContention = busy }, ValiditySettings.Default);

        var reason = Assert.Single(validity.Reasons);
        Assert.Equal(ValidityCheck.HostBusy, reason.Check);
        Assert.Contains("0.93 cores (web 0.85, other workers 0.00, rest of the host 0.08", reason.Message);
        Assert.Contains("(0-1)", reason.Message);
        Assert.Contains("at most 0.10 cores", reason.Message);
        Assert.True(ValidityRules.Judge(Evidence() with { HostContention = busy }, ValiditySettings.Default with { MaxHostContentionCores = 1 }).IsValid);
    }

    [Fact]
    public void Host_busy_is_judged_beyond_the_figures_resolution_and_not_at_all_when_not_measured()
    {
        var quiet = Contention(other: 0.04, web: 0.01, workers: 0, rest: 0.03);
        var unsure = Contention(other: 0.25, web: 0, workers: 0, rest: 0.25, resolution: 0.2);

        Assert.True(ValidityRules.Judge(Evidence() with { HostContention = quiet }, ValiditySettings.Default).IsValid);
        Assert.True(ValidityRules.Judge(Evidence() with { HostContention = unsure }, ValiditySettings.Default).IsValid);
        Assert.True(ValidityRules.Judge(Evidence() with { HostContention = HostContention.NotMeasured("0-1", "no /proc") }, ValiditySettings.Default).IsValid);
    }

    [Fact]
    public void A_gpu_run_whose_placement_could_not_be_checked_is_invalid()
    {
        var gpu = Evidence(requested: ExecutionProvider.Cuda, actual: ExecutionProvider.Cuda) with
        {
            PlacementUnverifiedReason = "Node placement could not be profiled: out of memory",
        };
        var cpu = Evidence() with { PlacementUnverifiedReason = "Not needed: a CPU session runs every node on the CPU." };

        var reason = Assert.Single(ValidityRules.Judge(gpu, ValiditySettings.Default).Reasons);
        Assert.Equal(ValidityCheck.PlacementUnverified, reason.Check);
        Assert.EndsWith("out of memory", reason.Message);
        Assert.True(ValidityRules.Judge(cpu, ValiditySettings.Default).IsValid);
    }

    private static HostContention Contention(double other, double web, double workers, double rest, double resolution = 0.004) =>
        new("0-1", 10, other, web, workers, rest, 1, resolution, 0.02, "test figures");

    [Fact]
    public void A_noisy_run_is_invalid_above_the_configured_threshold()
    {
        Assert.True(ValidityRules.Judge(Evidence(cv: 0.8), ValiditySettings.Default).Failed(ValidityCheck.HighVariation));
        Assert.True(ValidityRules.Judge(Evidence(cv: 0.8), ValiditySettings.Default with { MaxCoefficientOfVariation = 1 }).IsValid);
    }

    [Fact]
    public void Fallback_from_the_requested_provider_is_invalid()
    {
        var validity = ValidityRules.Judge(Evidence(requested: ExecutionProvider.Cuda, actual: ExecutionProvider.Cpu), ValiditySettings.Default);

        var reason = Assert.Single(validity.Reasons);
        Assert.Equal(ValidityCheck.ProviderFallback, reason.Check);
        Assert.Equal("The run asked for CUDA but executed on CPU.", reason.Message);
    }

    [Fact]
    public void Nodes_placed_on_the_cpu_in_a_gpu_session_are_invalid_unless_allowed()
    {
        var evidence = Evidence(requested: ExecutionProvider.Cuda, actual: ExecutionProvider.Cuda, nodesOnCpu: ["shape_1 (Shape)", "nms (NonMaxSuppression)"]);

        var reason = Assert.Single(ValidityRules.Judge(evidence, ValiditySettings.Default).Reasons);
        Assert.Equal(ValidityCheck.NodesOnCpu, reason.Check);
        Assert.Contains("nms (NonMaxSuppression)", reason.Message);
        Assert.True(ValidityRules.Judge(evidence, ValiditySettings.Default with { AllowNodesOnCpu = true }).IsValid);
    }

    [Fact]
    public void Another_process_on_the_gpu_is_invalid()
    {
        var validity = ValidityRules.Judge(Evidence(otherPids: [4242]), ValiditySettings.Default);

        Assert.Contains("4242", Assert.Single(validity.Reasons, r => r.Check == ValidityCheck.GpuShared).Message);
    }

    [Fact]
    public void Server_runs_are_invalid_when_p99_exceeds_the_bound_and_skip_the_noise_rule()
    {
        var held = ValidityRules.Judge(Evidence(percentile: ReportedPercentile.P99, boundMs: 10, p99Ms: 9.9, cv: 3), ValiditySettings.Default);
        var exceeded = ValidityRules.Judge(Evidence(percentile: ReportedPercentile.P99, boundMs: 10, p99Ms: 10.1, cv: 3), ValiditySettings.Default);

        Assert.True(held.IsValid);
        Assert.Equal(ValidityCheck.LatencyBoundExceeded, Assert.Single(exceeded.Reasons).Check);
    }

    [Fact]
    public void Every_failed_rule_is_reported_not_only_the_first()
    {
        var validity = ValidityRules.Judge(Evidence(seconds: 1, queries: 10, cv: 2, requested: ExecutionProvider.Cuda, warmup: 0), ValiditySettings.Default);

        Assert.Equal(
            [ValidityCheck.TooLittleWarmup, ValidityCheck.TooShort, ValidityCheck.TooFewQueries, ValidityCheck.HighVariation, ValidityCheck.ProviderFallback],
            validity.Reasons.Select(r => r.Check));
    }
}
