using EfficiencyDashboard.Runner.Telemetry;

namespace EfficiencyDashboard.Runner.Tests.Telemetry;

public sealed class HostContentionMeterTests : IDisposable
{
    private const int WebPid = 600;
    private const int WorkerPid = 700;
    private readonly FakeProc _proc = new(cpus: 4, runnerCores: "0-1");

    public void Dispose() => _proc.Dispose();

    [Fact]
    public void Other_work_is_busy_time_minus_the_runners_threads_split_by_web_workers_and_the_rest()
    {
        // The web host may use all four cores, so half of its time lands on the runner's two.
        _proc.Process(WebPid.ToString(), WebPid, "0-3", ticks: 1_000, "dotnet\0EfficiencyDashboard.Web.dll\0");
        _proc.Process(WorkerPid.ToString(), WorkerPid, "1", ticks: 300, "/app/EfficiencyDashboard.Web\0worker\0--devices\0gpu0\0");
        _proc.Process("800", 800, "0-3", ticks: 50, "/usr/bin/postgres\0worker\0");
        _proc.SetThreadNanoseconds(11, 1_000_000_000);
        _proc.SetThreadNanoseconds(12, 2_000_000_000);
        _proc.SetProcessTicks("self", FakeProc.OwnPid, 400);
        var meter = new HostContentionMeter(new ContentionSources(WebPid), _proc.Root);

        var window = meter.Start([11, 12]);
        // Cores 0 and 1: 150 ticks of busy time (1.5 core-seconds), of which the runner's threads used 0.5 s.
        _proc.SetBusyTicks([100, 50, 400, 400]);
        _proc.SetThreadNanoseconds(11, 1_300_000_000);
        _proc.SetThreadNanoseconds(12, 2_200_000_000);
        // This worker's own process: the runner's 0.5 s and 0.1 s on other threads.
        _proc.SetProcessTicks("self", FakeProc.OwnPid, 460);
        _proc.SetProcessTicks(WebPid.ToString(), WebPid, 1_080);
        _proc.SetProcessTicks(WorkerPid.ToString(), WorkerPid, 320);
        _proc.SetPressure(250_000);
        var contention = window.Stop();

        var seconds = contention.WindowSeconds;
        Assert.Equal("0-1", contention.RunnerCores);
        Assert.Equal(1.0, contention.OtherCores!.Value * seconds, 1e-6);
        Assert.Equal(0.5, contention.RunnerCpuCores!.Value * seconds, 1e-6);
        Assert.Equal(0.4, contention.WebCores!.Value * seconds, 1e-6);
        // The other worker (0.2 s, pinned to core 1) and this worker's other threads (0.1 s); postgres is not this build.
        Assert.Equal(0.3, contention.WorkersCores!.Value * seconds, 1e-6);
        Assert.Equal(0.3, contention.RestOfHostCores!.Value * seconds, 1e-6);
        // A share of the window, at most all of it.
        Assert.Equal(Math.Min(1, 0.25 / seconds), contention.CpuPressureShare!.Value, 1e-6);
        Assert.Equal(2 * 2 * 0.01, contention.ResolutionCores * seconds, 1e-9);
        Assert.Contains("runner's 2 threads", contention.Note);
    }

    [Fact]
    public void A_runner_inside_the_web_host_counts_the_hosts_other_threads_as_the_webs()
    {
        _proc.SetThreadNanoseconds(11, 0);
        _proc.SetProcessTicks("self", FakeProc.OwnPid, 0);
        var meter = new HostContentionMeter(new ContentionSources(FakeProc.OwnPid), _proc.Root);

        var window = meter.Start([11]);
        _proc.SetBusyTicks([100, 100, 0, 0]);
        _proc.SetThreadNanoseconds(11, 1_000_000_000);
        _proc.SetProcessTicks("self", FakeProc.OwnPid, 180);
        var contention = window.Stop();

        Assert.Equal(1.0, contention.OtherCores!.Value * contention.WindowSeconds, 1e-6);
        Assert.Equal(0.8, contention.WebCores!.Value * contention.WindowSeconds, 1e-6);
        Assert.Equal(0, contention.WorkersCores!.Value);
        Assert.Equal(0.2, contention.RestOfHostCores!.Value * contention.WindowSeconds, 1e-6);
        Assert.Contains("inside the web host", contention.Note);
    }

    [Fact]
    public void Named_sources_never_add_up_to_more_than_was_measured()
    {
        _proc.Process(WebPid.ToString(), WebPid, "0-1", ticks: 0, "dotnet\0EfficiencyDashboard.Web.dll\0");
        var meter = new HostContentionMeter(new ContentionSources(WebPid), _proc.Root);

        var window = meter.Start([]);
        _proc.SetBusyTicks([30, 30, 0, 0]);
        // The web process counted more ticks than the cores did: the two counters are read a moment apart.
        _proc.SetProcessTicks(WebPid.ToString(), WebPid, 90);
        var contention = window.Stop();

        Assert.Equal(contention.OtherCores!.Value, contention.WebCores!.Value, 1e-9);
        Assert.Equal(0, contention.RestOfHostCores!.Value, 1e-9);
    }

    [Fact]
    public void Without_per_cpu_statistics_it_says_not_measured_and_why_never_zero()
    {
        File.Delete(Path.Combine(_proc.Root, "stat"));
        var meter = new HostContentionMeter(ContentionSources.None, _proc.Root);

        var contention = meter.Start([]).Stop();

        Assert.False(contention.Measured);
        Assert.Null(contention.OtherCores);
        Assert.StartsWith("not measured: ", contention.Note);
        Assert.Contains("stat does not exist", contention.Note);
    }

    [Fact]
    public void Without_cpu_pressure_information_the_share_is_missing_not_zero()
    {
        File.Delete(Path.Combine(_proc.Root, "pressure", "cpu"));
        var meter = new HostContentionMeter(ContentionSources.None, _proc.Root);

        var contention = meter.Start([]).Stop();

        Assert.True(contention.Measured);
        Assert.Null(contention.CpuPressureShare);
        Assert.Contains("No CPU pressure information", contention.Note);
    }

    [Theory]
    [InlineData("0-1", new[] { 0, 1 }, "0-1")]
    [InlineData("0,2-4,7", new[] { 0, 2, 3, 4, 7 }, "0,2-4,7")]
    [InlineData("3,1,2", new[] { 1, 2, 3 }, "1-3")]
    [InlineData("5", new[] { 5 }, "5")]
    public void Cpu_lists_read_and_write_as_linux_spells_them(string text, int[] cpus, string formatted)
    {
        Assert.Equal(cpus, CpuList.Parse(text));
        Assert.Equal(formatted, CpuList.Format(cpus));
    }

    [Fact]
    public void A_malformed_cpu_list_is_refused()
    {
        Assert.Throws<FormatException>(() => CpuList.Parse("3-1"));
        Assert.Throws<FormatException>(() => CpuList.Parse("a"));
    }
}
