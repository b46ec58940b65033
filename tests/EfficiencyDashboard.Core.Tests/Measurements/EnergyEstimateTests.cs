using EfficiencyDashboard.Core.Measurements;

namespace EfficiencyDashboard.Core.Tests.Measurements;

public sealed class EnergyEstimateTests
{
    private static EnergyEvidence Evidence(double? counter, double? integral, double? rapl) =>
        new(counter, "counter note.", integral, "integral note.", rapl, "rapl note.");

    [Theory]
    [InlineData(50.0, 40.0, 30.0, EnergySource.NvmlEnergyCounter, 50.0)]
    [InlineData(null, 40.0, 30.0, EnergySource.NvmlPowerIntegral, 40.0)]
    [InlineData(null, null, 30.0, EnergySource.RaplPackage, 30.0)]
    [InlineData(0.0, 40.0, 30.0, EnergySource.NvmlPowerIntegral, 40.0)]
    public void The_best_readable_source_wins_and_is_divided_by_samples(double? counter, double? integral, double? rapl, EnergySource source, double joules)
    {
        var estimate = EnergyEstimate.From(Evidence(counter, integral, rapl), samples: 1_000);

        Assert.Equal(source, estimate.Source);
        Assert.Equal(joules, estimate.TotalEnergyJ);
        Assert.Equal(joules / 1_000, estimate.EnergyPerInferenceJ);
    }

    [Fact]
    public void A_fallback_source_says_why_the_better_ones_were_not_used()
    {
        var estimate = EnergyEstimate.From(
            new EnergyEvidence(null, "not available: no NVIDIA driver.", null, "not available: no NVIDIA driver.", 12, "2 packages."), 100);

        Assert.Equal(EnergySource.RaplPackage, estimate.Source);
        Assert.Contains("NVML energy counter: not available: no NVIDIA driver.", estimate.Reason);
        Assert.EndsWith("2 packages.", estimate.Reason);
    }

    [Fact]
    public void No_readable_source_gives_no_figure_and_every_reason_never_zero()
    {
        var estimate = EnergyEstimate.From(Evidence(null, 0, null), 100);

        Assert.Equal(EnergySource.None, estimate.Source);
        Assert.Null(estimate.EnergyPerInferenceJ);
        Assert.Null(estimate.TotalEnergyJ);
        Assert.Contains("counter note.", estimate.Reason);
        Assert.Contains("read 0 J, not usable", estimate.Reason);
        Assert.Contains("rapl note.", estimate.Reason);
    }

    [Fact]
    public void No_samples_gives_no_figure()
    {
        var estimate = EnergyEstimate.From(Evidence(50, null, null), 0);

        Assert.Equal(EnergySource.None, estimate.Source);
        Assert.Contains("No sample completed", estimate.Reason);
    }
}
