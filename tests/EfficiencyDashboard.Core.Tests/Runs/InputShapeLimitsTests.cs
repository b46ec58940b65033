using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Core.Tests.Runs;

public sealed class InputShapeLimitsTests
{
    [Fact]
    public void Batch_times_shape_at_the_cap_passes_and_one_element_more_is_refused()
    {
        Assert.Null(InputShapeLimits.Problem("x", [1, 1 << 14, 1 << 14], batchSize: 1));
        Assert.NotNull(InputShapeLimits.Problem("x", [1, 1 << 14, 1 << 14], batchSize: 2));
        Assert.Null(InputShapeLimits.Problem("x", [1, 3, 224, 224], batchSize: 1024));
    }

    [Fact]
    public void Dimensions_whose_product_overflows_64_bits_are_refused_not_wrapped()
    {
        var problem = InputShapeLimits.Problem("input_ids", [1, int.MaxValue, int.MaxValue, int.MaxValue], batchSize: 4096);

        Assert.NotNull(problem);
        Assert.Contains("input_ids", problem);
    }
}
