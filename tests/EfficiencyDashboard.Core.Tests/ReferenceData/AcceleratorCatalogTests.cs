namespace EfficiencyDashboard.Core.Tests.Reference;

public sealed class AcceleratorCatalogTests
{
    [Theory]
    [InlineData("NVIDIA H100-SXM5-80GB", "NVIDIA H100-SXM5-80GB")]
    [InlineData("nvidia h100-sxm5-80gb ", "NVIDIA H100-SXM5-80GB")]
    [InlineData("H100 SXM 80GB", "NVIDIA H100-SXM5-80GB")]
    [InlineData("NVIDIA H100-SXM-80GB", "NVIDIA H100-SXM5-80GB")]
    [InlineData("NVIDIA A100-SXM-80GB", "NVIDIA A100-SXM4-80GB")]
    [InlineData("NVIDIA A100-SXM4-80GB CTS", "NVIDIA A100-SXM4-80GB")]
    [InlineData("NVIDIA A100_PCIe_80GB", "NVIDIA A100-PCIe-80GB")]
    [InlineData("NVIDIA H200-SXM-141GB-CTS", "NVIDIA H200-SXM-141GB")]
    [InlineData("Nvidia Tesla T4", "NVIDIA T4")]
    [InlineData("NVIDIA B200-SXM-180GB", "NVIDIA B200")]
    [InlineData("AMD Instinct MI300X 192GB HBM3", "AMD MI300X")]
    [InlineData("AMD MI300X-NPS1-SPX-192GB-750W", "AMD MI300X")]
    public void Other_spellings_match_the_catalog(string name, string expected)
    {
        Assert.Equal(expected, ShippedReferenceData.Data.Accelerators.Find(name)?.Accelerator);
    }

    [Theory]
    [InlineData("NVIDIA A100-PCIe")] // 40 GB or 80 GB: unsure
    [InlineData("NVIDIA A100-SXM-80GB (1x1g.10gb MIG)")] // a slice, not the accelerator
    [InlineData("NVIDIA L40")] // not the L40S
    [InlineData("NVIDIA H100-NVL-94GB")] // a form factor the catalog lacks
    [InlineData("NVIDIA V100-SXM2-16GB")] // the catalog's V100-SXM2 has 32 GB
    [InlineData("NVIDIA A10-24Q")] // a vGPU profile
    [InlineData("NVIDIA GH200 Grace Hopper Superchip 96GB")]
    [InlineData("AMD Instinct MI300X 192GB HBM3 (x32), AMD Instinct MI325X 256GB HBM3e (x16)")]
    [InlineData("N/A")]
    [InlineData("")]
    public void Unsure_names_match_nothing(string name)
    {
        Assert.Null(ShippedReferenceData.Data.Accelerators.Find(name));
    }
}
