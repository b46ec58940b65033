using EfficiencyDashboard.Runner.Fidelity;

namespace EfficiencyDashboard.Runner.Tests.Fidelity;

public sealed class RankCorrelationTests
{
    [Fact]
    public void Monotonic_series_correlate_perfectly_whatever_their_scale()
    {
        Assert.Equal(1.0, RankCorrelation.Spearman([1, 2, 3, 4], [10, 20, 300, 4000]), 12);
        Assert.Equal(-1.0, RankCorrelation.Spearman([1, 2, 3, 4], [4, 3, 2, 1]), 12);
    }

    [Fact]
    public void Textbook_example_with_ties()
    {
        // x ranks 1, 2.5, 2.5, 4 and y ranks 1, 2, 4, 3; their Pearson correlation is 3 / sqrt(4.5 x 5).
        var rho = RankCorrelation.Spearman([1, 2, 2, 3], [10, 20, 40, 30]);

        Assert.Equal(3 / Math.Sqrt(22.5), rho, 12);
    }
}
