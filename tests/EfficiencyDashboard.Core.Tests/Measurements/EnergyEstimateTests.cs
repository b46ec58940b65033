using EfficiencyDashboard.Core.Measurements;

namespace EfficiencyDashboard.Core.Tests.Measurements;

public sealed class EnergyEstimateTests
{
    private static EnergyEvidence Evidence(double? counter, double? integral, double? rapl) =>
        new(counter, "counter note.", integral, "integral note.", rapl, "rapl note.");

    [Theory]
    [InlineData(50.0, 40.0, 30.0, EnergySource.NvmlEnergyCounter, 50.0)]
    [InlineData(null, 40.0, 30.0, EnergySource.NvmlPowerIntegral, 40.0)]
    [InlineData(0.0, 40.0, 30.0, EnergySource.NvmlPowerIntegral, 40.0)]
    public void A_gpu_run_takes_the_best_readable_gpu_source_divided_by_samples(double? counter, double? integral, double? rapl, EnergySource source, double joules)
    {
        var estimate = EnergyEstimate.From(Evidence(counter, integral, rapl), samples: 1_000, onGpu: true);

        Assert.Equal(source, estimate.Source);
        Assert.Equal(EnergyScope.GpuBoard, estimate.Scope);
        Assert.Equal(joules, estimate.TotalEnergyJ);
        Assert.Equal(joules / 1_000, estimate.EnergyPerInferenceJ);
    }

    [Fact]
    public void A_gpu_run_without_nvml_energy_does_not_report_the_cpu_package_as_its_energy()
    {
        var estimate = EnergyEstimate.From(
            new EnergyEvidence(null, "not available: no NVIDIA driver.", null, "not available: no NVIDIA driver.", 12, "2 packages."), 100, onGpu: true);

        Assert.Equal(EnergySource.None, estimate.Source);
        Assert.Equal(EnergyScope.None, estimate.Scope);
        Assert.Null(estimate.EnergyPerInferenceJ);
        Assert.StartsWith("GPU energy not measured.", estimate.Reason);
        Assert.Contains("NVML energy counter: not available: no NVIDIA driver.", estimate.Reason);
        Assert.Contains("it is the CPU's, not the GPU's", estimate.Reason);
    }

    [Fact]
    public void A_cpu_run_takes_the_cpu_package_energy_and_says_so()
    {
        var estimate = EnergyEstimate.From(Evidence(50, 40, 12), 100, onGpu: false);

        Assert.Equal(EnergySource.RaplPackage, estimate.Source);
        Assert.Equal(EnergyScope.CpuPackage, estimate.Scope);
        Assert.Equal(0.12, estimate.EnergyPerInferenceJ!.Value, 12);
        Assert.Equal("rapl note.", estimate.Reason);
    }

    [Fact]
    public void No_readable_source_gives_no_figure_and_every_reason_never_zero()
    {
        var estimate = EnergyEstimate.From(Evidence(null, 0, null), 100, onGpu: true);

        Assert.Equal(EnergySource.None, estimate.Source);
        Assert.Null(estimate.EnergyPerInferenceJ);
        Assert.Null(estimate.TotalEnergyJ);
        Assert.Contains("counter note.", estimate.Reason);
        Assert.Contains("read 0 J, not usable", estimate.Reason);
        Assert.StartsWith("CPU energy not measured. RAPL package energy: rapl note.", EnergyEstimate.From(Evidence(null, 0, null), 100, onGpu: false).Reason);
    }

    [Fact]
    public void No_samples_gives_no_figure()
    {
        var estimate = EnergyEstimate.From(Evidence(50, null, null), 0, onGpu: true);

        Assert.Equal(EnergySource.None, estimate.Source);
        Assert.Contains("No sample completed", estimate.Reason);
    }

    [Theory]
    [InlineData(EnergySource.NvmlEnergyCounter, "nvml-energy-counter", EnergyScope.GpuBoard, "gpu-board")]
    [InlineData(EnergySource.NvmlPowerIntegral, "nvml-power-integral", EnergyScope.GpuBoard, "gpu-board")]
    [InlineData(EnergySource.RaplPackage, "rapl-package", EnergyScope.CpuPackage, "cpu-package")]
    [InlineData(EnergySource.None, "none", EnergyScope.None, "none")]
    public void Sources_and_scopes_are_spelled_as_their_json_names(EnergySource source, string name, EnergyScope scope, string scopeName)
    {
        Assert.Equal(name, source.ApiName());
        Assert.Equal($"\"{name}\"", System.Text.Json.JsonSerializer.Serialize(source));
        Assert.Equal(scope, source.Scope());
        Assert.Equal(scopeName, scope.ApiName());
        Assert.Equal($"\"{scopeName}\"", System.Text.Json.JsonSerializer.Serialize(scope));
    }
}
