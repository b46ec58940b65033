using EfficiencyDashboard.Web.Placement;

namespace EfficiencyDashboard.Web.Tests.Placement;

public sealed class CpuPlacementTests
{
    [Theory]
    [InlineData("2-15", "2-15", 14)]
    [InlineData("0,2,4-7", "0,2,4-7", 6)]
    [InlineData(" 3 , 1-2 ", "1-3", 3)]
    [InlineData("5", "5", 1)]
    public void A_core_list_is_read_as_linux_writes_it(string text, string compact, int count)
    {
        var (set, error) = CpuSet.Parse(text);

        Assert.Null(error);
        Assert.Equal(compact, set!.ToString());
        Assert.Equal(count, set.Count);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("two-fifteen", "'two-fifteen' is not a core number")]
    [InlineData("15-2", "ends before it starts")]
    [InlineData("1-2-3", "'1-2-3' is not a core number")]
    [InlineData("-3", "'-3' is not a core number")]
    [InlineData("2000", "beyond the 1024 cores")]
    public void A_bad_core_list_says_what_is_wrong(string text, string message)
    {
        var (set, error) = CpuSet.Parse(text);

        Assert.Null(set);
        Assert.Contains(message, error);
    }

    [Theory]
    [InlineData(4, "0", "1-3")]
    [InlineData(6, "0", "1-5")]
    [InlineData(8, "0-1", "2-7")]
    [InlineData(16, "0-3", "4-15")]
    public void On_four_or_more_cores_one_in_four_is_left_to_the_web_host(int cores, string web, string runner)
    {
        var (placement, error) = CpuPlacement.Decide(null, CpuSet.Of(Enumerable.Range(0, cores)));

        Assert.Null(error);
        Assert.Equal(web, placement.WebCores!.ToString());
        Assert.Equal(runner, placement.RunnerCores!.ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void On_fewer_than_four_cores_nothing_is_pinned(int cores)
    {
        var (placement, error) = CpuPlacement.Decide(null, CpuSet.Of(Enumerable.Range(0, cores)));

        Assert.Null(error);
        Assert.False(placement.IsPinned);
        Assert.Null(placement.WebCores);
        Assert.Contains("too few", placement.Description);
    }

    [Fact]
    public void A_configured_core_set_goes_to_the_runner_and_the_others_to_the_web_host()
    {
        var (placement, error) = CpuPlacement.Decide("2-15", CpuSet.Of(Enumerable.Range(0, 16)));

        Assert.Null(error);
        Assert.Equal("2-15", placement.RunnerCores!.ToString());
        Assert.Equal("0-1", placement.WebCores!.ToString());
    }

    [Fact]
    public void The_split_follows_the_cores_this_process_may_use_not_core_zero()
    {
        var (placement, _) = CpuPlacement.Decide(null, CpuSet.Of([8, 9, 10, 11, 12, 13, 14, 15]));

        Assert.Equal("8-9", placement.WebCores!.ToString());
        Assert.Equal("10-15", placement.RunnerCores!.ToString());
    }

    [Theory]
    [InlineData("2-31", "names cores 16-31")]
    [InlineData("abc", "is invalid")]
    public void A_configured_core_set_the_machine_cannot_honour_pins_nothing_and_says_why(string configured, string message)
    {
        var (placement, error) = CpuPlacement.Decide(configured, CpuSet.Of(Enumerable.Range(0, 16)));

        Assert.False(placement.IsPinned);
        Assert.Contains(message, error);
    }
}
