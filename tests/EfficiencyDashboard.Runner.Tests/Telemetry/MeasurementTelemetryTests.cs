using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Runner.Telemetry;
using EfficiencyDashboard.Runner.Tests.Execution;

namespace EfficiencyDashboard.Runner.Tests.Telemetry;

/// <summary>
/// Telemetry wired into a measurement. A "CUDA" run through <see cref="PretendGpuLoader"/> executes on the CPU,
/// so the GPU path (sampling, energy, node placement) runs on any machine.
/// </summary>
public sealed class MeasurementTelemetryTests(TinyModelFile model) : IClassFixture<TinyModelFile>, IDisposable
{
    private readonly FakePowercap _powercap = new(packages: 1);

    private static BenchmarkSettings Settings(ExecutionProvider provider = ExecutionProvider.Cuda) =>
        new(provider, 4, 0.3, 50, WarmupQueries: 10, IntraOpThreads: 1);

    public void Dispose() => _powercap.Dispose();

    [Fact]
    public void The_nvml_energy_counter_is_preferred()
    {
        var measurement = Measure(new FakeNvml { PowerW = 200 });

        Assert.Equal(EnergySource.NvmlEnergyCounter, measurement.Energy.Source);
        Assert.Equal(measurement.Gpu.EnergyCounterJ, measurement.Energy.TotalEnergyJ);
        Assert.Equal(measurement.Energy.TotalEnergyJ!.Value / measurement.SampleCount, measurement.Energy.EnergyPerInferenceJ!.Value, 1e-12);
        Assert.Equal(EnergyScope.GpuBoard, measurement.Energy.Scope);
        // 200 W over the sampled window, which spans the measured one.
        Assert.Equal(200 * measurement.Gpu.WindowSeconds, measurement.Energy.TotalEnergyJ!.Value, 200 * measurement.Gpu.WindowSeconds * 0.02 + 0.01);
    }

    [Fact]
    public void Without_the_counter_sampled_power_is_integrated()
    {
        var measurement = Measure(new FakeNvml { PowerW = 200, HasEnergyCounter = false });

        Assert.Equal(EnergySource.NvmlPowerIntegral, measurement.Energy.Source);
        Assert.Contains("not readable on this GPU", measurement.Energy.Reason);
        Assert.Equal(measurement.Gpu.PowerIntegralJ, measurement.Energy.TotalEnergyJ);
    }

    [Fact]
    public void A_gpu_run_without_nvml_says_gpu_energy_not_measured_and_keeps_the_cpu_package_energy_apart()
    {
        var measurement = Measure(new FakeNvml { UnavailableReason = "not available: no driver." }, raisePackageEnergyByUj: 4_000_000);

        Assert.Equal(EnergySource.None, measurement.Energy.Source);
        Assert.Null(measurement.Energy.EnergyPerInferenceJ);
        Assert.StartsWith("GPU energy not measured.", measurement.Energy.Reason);
        Assert.Contains("not available: no driver.", measurement.Energy.Reason);
        Assert.Equal(4.0, measurement.CpuEnergy.EnergyJ!.Value, 1e-9);

        var result = measurement.ToRunResult(1, ValiditySettings.Default, "generated", DateTime.UnixEpoch);
        Assert.Null(result.EnergyPerInferenceJ);
        Assert.Equal(EnergyScope.None, result.EnergyScope);
        Assert.Equal(4.0, result.CpuPackageEnergyJ!.Value, 1e-9);
    }

    [Fact]
    public void A_cpu_run_reports_the_cpu_package_energy_as_its_own_with_that_scope()
    {
        var measurement = Measure(new FakeNvml(), raisePackageEnergyByUj: 3_000_000, ExecutionProvider.Cpu);

        Assert.Equal(EnergySource.RaplPackage, measurement.Energy.Source);
        Assert.Equal(EnergyScope.CpuPackage, measurement.Energy.Scope);
        Assert.Equal(3.0, measurement.Energy.TotalEnergyJ!.Value, 1e-9);
        Assert.Equal(EnergyScope.CpuPackage, measurement.ToRunResult(1, ValiditySettings.Default, "generated", DateTime.UnixEpoch).EnergyScope);
    }

    [Fact]
    public void Without_any_source_there_is_no_figure_and_the_reason_names_each_source()
    {
        var benchmark = new InferenceBenchmark(new PretendGpuLoader(), new FakeNvml { UnavailableReason = "not available: no driver." }, new RaplEnergyMeter("/nonexistent"));

        var measurement = benchmark.Measure(model.Path, Settings(), null, CancellationToken.None);

        Assert.Equal(EnergySource.None, measurement.Energy.Source);
        Assert.Null(measurement.Energy.EnergyPerInferenceJ);
        Assert.Contains("NVML energy counter: not available: no driver.", measurement.Energy.Reason);
        Assert.Contains("not readable: /nonexistent does not exist", measurement.CpuEnergy.Note);
    }

    [Fact]
    public void A_cpu_run_does_not_sample_the_gpu_or_count_its_energy()
    {
        var nvml = new FakeNvml();
        var benchmark = new InferenceBenchmark(new PretendGpuLoader(), nvml, new RaplEnergyMeter("/nonexistent"));

        var measurement = benchmark.Measure(model.Path, Settings(ExecutionProvider.Cpu), null, CancellationToken.None);

        Assert.Empty(nvml.ReadTimestamps);
        Assert.StartsWith("Not sampled: the run executed on the CPU", measurement.Gpu.UnavailableReason);
        Assert.Equal(EnergySource.None, measurement.Energy.Source);
        Assert.False(measurement.NodePlacement.Checked);
    }

    [Fact]
    public void Gpu_telemetry_and_process_telemetry_cover_the_window()
    {
        var measurement = Measure(new FakeNvml { ProcessIds = [Environment.ProcessId, 31337] });

        Assert.Equal("Fake GPU", measurement.Gpu.DeviceName);
        Assert.True(measurement.Gpu.SampleCount >= 2);
        // The first reading comes before the window opens and the last after it closes.
        Assert.True(measurement.Gpu.WindowSeconds >= measurement.MeasuredSeconds, $"{measurement.Gpu.WindowSeconds} s sampled, {measurement.MeasuredSeconds} s measured");
        Assert.Equal([31337], measurement.Gpu.OtherProcessIds);
        Assert.True(measurement.Process!.PeakRssBytes > 0);
        Assert.InRange(measurement.Process.CpuUtilization, 0, 1);
        Assert.True(measurement.JudgeValidity(ValiditySettings.Default).Failed(ValidityCheck.GpuShared));
    }

    [Fact]
    public void Nodes_a_gpu_session_ran_on_the_cpu_are_listed_and_make_the_run_invalid()
    {
        var measurement = Measure(new FakeNvml());

        Assert.True(measurement.NodePlacement.Checked, measurement.NodePlacement.Note);
        Assert.NotEmpty(measurement.NodePlacement.CpuNodes);
        Assert.Equal(measurement.NodePlacement.Nodes.Count, measurement.NodePlacement.CpuNodes.Count);
        var reason = Assert.Single(measurement.JudgeValidity(ValiditySettings.Default).Reasons, r => r.Check == ValidityCheck.NodesOnCpu);
        Assert.Contains("ran on the CPU instead of CUDA", reason.Message);
    }

    [Fact]
    public void A_gpu_run_whose_placement_was_not_checked_is_invalid_placement_unverified()
    {
        var benchmark = new InferenceBenchmark(new PretendGpuLoader(), new FakeNvml(), new RaplEnergyMeter(_powercap.Root));

        var measurement = benchmark.Measure(model.Path, Settings() with { CheckNodePlacement = false }, null, CancellationToken.None);

        Assert.False(measurement.NodePlacement.Checked);
        Assert.Empty(measurement.NodePlacement.CpuNodes);
        var reason = Assert.Single(measurement.JudgeValidity(ValiditySettings.Default).Reasons, r => r.Check == ValidityCheck.PlacementUnverified);
        Assert.EndsWith("Not checked: node placement checking was switched off.", reason.Message);
    }

    [Fact]
    public void A_gpu_run_whose_profile_failed_is_invalid_placement_unverified()
    {
        var measurement = new BenchmarkMeasurement([1.0], [0.0], 1, 1, ExecutionProvider.Cuda, null, "1.31.0", 1)
        {
            NodePlacement = NodePlacementReport.NotChecked("Node placement could not be profiled: CUDA failure 2: out of memory"),
        };

        var result = measurement.ToRunResult(7, ValiditySettings.Default, "generated", DateTime.UnixEpoch);

        Assert.False(result.IsValid);
        Assert.Contains(result.ValidityReasons, r => r.Check == ValidityCheck.PlacementUnverified && r.Message.EndsWith("out of memory", StringComparison.Ordinal));
        Assert.Equal("cuda", result.ActualProviders);
    }

    private BenchmarkMeasurement Measure(INvml nvml, ulong raisePackageEnergyByUj = 0, ExecutionProvider provider = ExecutionProvider.Cuda)
    {
        var benchmark = new InferenceBenchmark(new PretendGpuLoader(), nvml, new RaplEnergyMeter(_powercap.Root));
        // The last progress report arrives after the last query and before telemetry stops: the package "used" energy then.
        var progress = new SynchronousProgress(p =>
        {
            if (p.Phase == BenchmarkPhase.Measuring && p.Fraction == 1 && raisePackageEnergyByUj > 0)
            {
                _powercap.SetEnergy("intel-rapl:0", 1_000_000 + raisePackageEnergyByUj);
            }
        });
        return benchmark.Measure(model.Path, Settings(provider), progress, CancellationToken.None);
    }

    private sealed class SynchronousProgress(Action<BenchmarkProgress> report) : IProgress<BenchmarkProgress>
    {
        public void Report(BenchmarkProgress value) => report(value);
    }
}
