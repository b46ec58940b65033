using EfficiencyDashboard.Core.Reports.Claims;
using EfficiencyDashboard.Core.Tests.Reference;

namespace EfficiencyDashboard.Core.Tests.Reports;

public sealed class GpuTableClaimTests
{
    private static readonly IReadOnlyList<GpuTableRowCheck> Checks = GpuTableClaim.Check(ShippedReferenceData.Data.Accelerators);

    [Fact]
    public void The_a100_row_is_contradicted_by_its_datasheet()
    {
        var a100 = Checks.Single(c => c.Row.Gpu == "A100");

        Assert.Equal(ClaimVerdict.Contradicted, a100.Verdict);
        Assert.Equal("NVIDIA A100-SXM4-40GB", a100.Datasheet!.Accelerator);
        Assert.False(a100.FigureMatches);
        Assert.False(a100.YearMatches);
        Assert.Equal(
            "A100 (NVIDIA A100-SXM4-40GB): 19.5 TFLOPS FP32, 312 TFLOPS FP16 tensor (dense), announced 2020-05, not 2021; no A100 figure is 30 TFLOPS.",
            a100.DatasheetSays);
    }

    [Fact]
    public void The_v100_figure_is_the_preliminary_one_but_its_year_is_wrong()
    {
        var v100 = Checks.Single(c => c.Row.Gpu == "V100");

        Assert.Equal(ClaimVerdict.Contradicted, v100.Verdict);
        Assert.True(v100.FigureMatches);
        Assert.False(v100.YearMatches);
        Assert.StartsWith("V100 (NVIDIA V100-SXM2): 15.7 TFLOPS FP32 (15 preliminary), 125 TFLOPS FP16 tensor (dense), announced 2017-05, not 2020", v100.DatasheetSays);
    }

    [Fact]
    public void The_h100_row_holds_with_the_preliminary_figure()
    {
        var h100 = Checks.Single(c => c.Row.Gpu == "H100");

        Assert.Equal(ClaimVerdict.Supported, h100.Verdict);
        Assert.Equal("H100 (NVIDIA H100-SXM5-80GB): 67 TFLOPS FP32 (60 preliminary), 989 TFLOPS FP16 tensor (dense), announced 2022-03.", h100.DatasheetSays);
        Assert.Equal(ClaimVerdict.Contradicted, GpuTableClaim.Verdict(Checks));
    }
}
