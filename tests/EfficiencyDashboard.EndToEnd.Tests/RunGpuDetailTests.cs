using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Hardware;
using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EfficiencyDashboard.EndToEnd.Tests;

/// <summary>The run page of a GPU run, from a finished CUDA run stored as a GPU host would store it (this machine has no GPU).</summary>
public sealed partial class RunFromBrowserTests
{
    [Fact]
    public async Task A_gpu_run_shows_energy_with_its_source_gpu_telemetry_and_the_matched_datasheet_as_reference()
    {
        var runId = await StoreGpuRunAsync(browser.Factory.Services);
        var page = await browser.OpenAsync($"/runs/{runId}");

        var energy = await page.WaitForSelectorAsync("[data-testid=run-energy][data-measured=true]", Long);
        await page.WaitForSelectorAsync("[data-testid=gpu-power-chart] .js-plotly-plot .scatterlayer .trace", Long);
        Directory.CreateDirectory(BrowserSession.ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "run-detail-gpu.png"), FullPage = true });

        Assert.Equal("0.05", await page.InnerTextAsync("[data-fact=energy-per-inference-j] [data-value]"));
        Assert.Equal("20", await page.InnerTextAsync("[data-fact=samples-per-j] [data-value]"));
        Assert.Equal("NVML energy counter", await page.InnerTextAsync("[data-fact=energy-source] td"));
        Assert.DoesNotContain("not measured", await energy!.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("throughputPerSecond", await page.GetAttributeAsync("[data-testid=run-headline]", "data-metric"));
        Assert.Equal("250.0", await page.InnerTextAsync("[data-fact=gpu-mean-power-w] [data-value]"));
        Assert.Equal("measured", await page.GetAttributeAsync("[data-fact=gpu-mean-power-w]", "data-source"));
        Assert.Contains("4242", await page.InnerTextAsync("[data-fact=gpu-other-processes] td"));
        Assert.Equal("1", await page.GetAttributeAsync("[data-testid=node-placement]", "data-cpu-nodes"));
        Assert.Contains("/Gather_2 (Gather)", await page.InnerTextAsync("[data-testid=cpu-nodes]"));
        Assert.Contains("/Shape_1 (Shape)", await page.InnerTextAsync("[data-testid=cpu-shape-nodes]"));
        Assert.DoesNotContain("/Shape_1", await page.InnerTextAsync("[data-testid=cpu-nodes]"));
        Assert.Equal("NVIDIA H100-SXM5-80GB", await page.InnerTextAsync("[data-testid=accelerator-datasheet]"));
        Assert.Equal("reference", await page.GetAttributeAsync("[data-fact=datasheet-tdp-w]", "data-source"));
        Assert.Equal("700", await page.InnerTextAsync("[data-fact=datasheet-tdp-w] [data-value]"));
        Assert.Contains("INVALID", await page.InnerTextAsync("[data-testid=run-validity]"));
        Assert.Equal("GPU board", await page.InnerTextAsync("[data-fact=energy-scope] td"));
        Assert.Equal("gpu-board", await page.GetAttributeAsync("[data-testid=run-energy]", "data-scope"));
        Assert.Equal("300", await page.InnerTextAsync("[data-fact=cpu-package-energy-j] [data-value]"));
        Assert.Equal("true", await page.GetAttributeAsync("[data-testid=run-host-contention]", "data-host-busy"));
        Assert.Equal("0.420", await page.InnerTextAsync("[data-fact=host-contention-cores] [data-value]"));
        Assert.Equal("0.400", await page.InnerTextAsync("[data-fact=host-contention-web-cores] [data-value]"));
        Assert.Contains("95%", await page.InnerTextAsync("[data-fact=host-contention-web-cores]"));
        Assert.Equal("2-15", await page.InnerTextAsync("[data-fact=runner-cores] td"));
        Assert.Contains("0.42 cores", await page.InnerTextAsync("[data-testid=run-validity] [data-check=host-busy]"));
        Assert.Equal("cuda + cpu", await page.InnerTextAsync("[data-fact=actual-providers] td"));
    }

    [Fact]
    public async Task A_gpu_run_without_nvml_energy_says_gpu_energy_not_measured_and_shows_the_cpu_package_energy_apart()
    {
        var runId = await StoreGpuRunAsync(browser.Factory.Services, nvmlEnergy: false);
        var page = await browser.OpenAsync($"/runs/{runId}");

        var energy = await page.WaitForSelectorAsync("[data-testid=run-energy][data-measured=false]", Long);

        Assert.Equal("GPU energy not measured.", await page.InnerTextAsync("[data-testid=energy-not-measured]"));
        Assert.Equal("none", await energy!.GetAttributeAsync("data-scope"));
        Assert.Equal("true", await page.GetAttributeAsync("[data-testid=cpu-package-energy]", "data-measured"));
        Assert.Equal("300", await page.InnerTextAsync("[data-fact=cpu-package-energy-j] [data-value]"));
        Assert.Contains("never this GPU run's energy per inference", await page.InnerTextAsync("[data-testid=cpu-package-energy]"));
        Assert.Equal(0, await page.Locator("[data-fact=energy-per-inference-j]").CountAsync());
    }

    private static async Task<long> StoreGpuRunAsync(IServiceProvider services, bool nvmlEnergy = true)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<EfficiencyContext>>().CreateDbContextAsync();
        var model = await db.Models.OrderBy(m => m.Id).FirstAsync();
        var hardware = db.Hardware.Add(new HardwareRecord
        {
            Fingerprint = $"e2e-gpu-host-{Guid.NewGuid():N}",
            MachineName = "gpu-host",
            CpuModel = "Test CPU",
            LogicalCores = 32,
            MemoryBytes = 256L << 30,
            GpuCount = 1,
            GpuName = "NVIDIA H100 80GB HBM3",
            GpuMemoryBytes = 80L << 30,
            GpuDriverVersion = "550.54.15",
            ExecutionProviders = [new("cpu", true, "loads"), new("cuda", true, "loads"), new("tensorrt", false, "libnvinfer.so.10 not found")],
            AcceleratorName = "NVIDIA H100-SXM5-80GB",
            FirstSeenAtUtc = DateTime.UtcNow,
            LastSeenAtUtc = DateTime.UtcNow,
        }).Entity;
        await db.SaveChangesAsync();

        PowerSample[] power = [.. Enumerable.Range(0, 50).Select(i => new PowerSample(i * 100, 240 + (i % 5) * 5))];
        var run = db.Runs.Add(new Run
        {
            ModelId = model.Id,
            ExecutionProvider = ExecutionProvider.Cuda,
            Scenario = Scenario.Offline,
            BatchSize = model.FixedBatchSize ?? 8,
            DurationSeconds = 5,
            MinQueries = 64,
            WarmupQueries = 10,
            Device = "gpu0",
            Status = RunStatus.Succeeded,
            Progress = 1,
            HardwareId = hardware.Id,
            CreatedAtUtc = DateTime.UtcNow,
            StartedAtUtc = DateTime.UtcNow,
            FinishedAtUtc = DateTime.UtcNow,
            Result = new RunResult
            {
                LatencyP50Ms = 2, LatencyP90Ms = 2.5, LatencyP95Ms = 2.7, LatencyP99Ms = 3, LatencyP999Ms = 3.5, LatencyMeanMs = 2.1,
                LatencyStdDevMs = 0.3, LatencyCv = 0.14, LatencyMinMs = 1.8, LatencyMaxMs = 3.6, QueryCount = 2500, SampleCount = 20_000,
                MeasuredSeconds = 5, ThroughputPerSecond = 4000, WarmupQueriesCompleted = 10, HeadlinePercentile = null,
                IsValid = false,
                ValidityReasons =
                [
                    new(ValidityCheck.NodesOnCpu, "1 nodes ran on the CPU instead of CUDA: /Gather_2 (Gather)."),
                    new(ValidityCheck.HostBusy, "Other work took 0.42 cores (web 0.40, other workers 0.00, rest of the host 0.02; resolution 0.00) of the runner's cores (2-15)."),
                ],
                EnergyPerInferenceJ = nvmlEnergy ? 0.05 : null, TotalEnergyJ = nvmlEnergy ? 1000 : null,
                EnergySource = nvmlEnergy ? EnergySource.NvmlEnergyCounter : EnergySource.None,
                EnergyScope = nvmlEnergy ? EnergyScope.GpuBoard : EnergyScope.None,
                EnergyReason = nvmlEnergy ? "NVML energy counter delta over the 5.0 s window." : "GPU energy not measured. NVML energy counter: not available: no driver.",
                CpuPackageEnergyJ = 300, CpuPackageEnergyNote = "RAPL package energy delta of intel-rapl:0.",
                RunnerCores = "2-15", HostContentionCores = 0.42, HostBusy = true,
                HostContention = new HostContention("2-15", 5, 0.42, 0.40, 0, 0.02, 1.1, 0.0004, 0.03, "Busy time of cores 2-15 from /proc/stat."),
                ActualProviders = "cuda + cpu",
                MeanGpuPowerW = 250, PeakGpuMemoryBytes = 3L << 30, MeanGpuUtilizationPercent = 87.5,
                Gpu = new GpuTelemetry(0, "NVIDIA H100 80GB HBM3", null, power.Length, 4.9, 100.4, 1000, "counter moved", 1010, "50 readings",
                    250, 260, 3L << 30, 87.5, 1980, 2619, [4242], power),
                ProcessPeakRssBytes = 900L << 20, ProcessCpuUtilization = 0.06,
                NodePlacement = new NodePlacementReport(true,
                    [new("/Conv_0", "Conv", "CUDAExecutionProvider"), new("/Shape_1", "Shape", NodePlacement.CpuProvider, ShapeComputation: true),
                     new("/Gather_2", "Gather", NodePlacement.CpuProvider)],
                    "Profiled one unmeasured inference."),
                ActualExecutionProvider = ExecutionProvider.Cuda,
                OnnxRuntimeVersion = "1.23.0", IntraOpThreads = 1, MachineName = "gpu-host", CpuModel = "Test CPU", LogicalCores = 32,
                OperatingSystem = "Linux", RuntimeVersion = ".NET 10", MeasuredAtUtc = DateTime.UtcNow,
            },
        }).Entity;
        await db.SaveChangesAsync();
        return run.Id;
    }
}
