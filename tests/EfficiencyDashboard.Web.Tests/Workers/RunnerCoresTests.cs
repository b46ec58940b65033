using EfficiencyDashboard.Web.Workers;

namespace EfficiencyDashboard.Web.Tests.Workers;

public sealed class RunnerCoresTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_cpu_run_that_starts_during_a_build_waits_for_it_and_says_what_it_waits_for()
    {
        var cores = new RunnerCores();
        var build = await cores.BuildAsync("the catalog build: ResNet-50", CancellationToken.None);
        var waitedFor = new List<string>();

        var measurement = cores.MeasureAsync(12, waitedFor.Add, CancellationToken.None);

        Assert.Equal(["waiting for the catalog build: ResNet-50"], waitedFor);
        Assert.False(measurement.IsCompleted);
        build.Dispose();
        using var turn = await measurement.WaitAsync(Deadline);
        Assert.Equal("CPU run 12", cores.Holder);
    }

    [Fact]
    public async Task A_build_does_not_start_while_a_cpu_run_measures()
    {
        var cores = new RunnerCores();
        var measurement = await cores.MeasureAsync(7, _ => Assert.Fail("Nothing held the cores."), CancellationToken.None);

        var build = cores.BuildAsync("the variant build: fp16 of MobileNetV2", CancellationToken.None);

        Assert.False(build.IsCompleted);
        measurement.Dispose();
        using var turn = await build.WaitAsync(Deadline);
        Assert.Equal("the variant build: fp16 of MobileNetV2", cores.Holder);
    }

    [Fact]
    public async Task A_cancelled_wait_gives_up_without_taking_the_cores()
    {
        var cores = new RunnerCores();
        using var build = await cores.BuildAsync("the catalog build: BERT-base", CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var measurement = cores.MeasureAsync(3, _ => { }, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => measurement);
        Assert.Equal("the catalog build: BERT-base", cores.Holder);
    }
}
