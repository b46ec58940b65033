using EfficiencyDashboard.Core.Measurements;

namespace EfficiencyDashboard.Runner.Telemetry;

/// <summary>
/// Starts every telemetry source just before the measured window and stops them just after it: the GPU sampler
/// (GPU runs only), the RAPL counters and the process sampler. Their threads sleep between readings, so they take
/// no measurable time from the measured thread.
/// </summary>
internal sealed class TelemetryWindow : IDisposable
{
    private readonly GpuSampler? _gpu;
    private readonly string _gpuNotSampled;
    private readonly ProcessSampler _process = new();
    private readonly RaplEnergyWindow _rapl;

    private TelemetryWindow(GpuSampler? gpu, string gpuNotSampled, RaplEnergyMeter rapl)
    {
        _gpu = gpu;
        _gpuNotSampled = gpuNotSampled;
        _process.Start();
        _gpu?.Start();
        _rapl = rapl.Start();
    }

    /// <summary>Starts sampling; <paramref name="gpuNotSampledReason"/> null samples GPU 0, otherwise it says why not.</summary>
    public static TelemetryWindow Start(INvml nvml, RaplEnergyMeter rapl, string? gpuNotSampledReason) =>
        new(gpuNotSampledReason is null ? new GpuSampler(nvml) : null, gpuNotSampledReason ?? "", rapl);

    /// <summary>Stops every source and summarises the window.</summary>
    public TelemetrySummary Stop()
    {
        var cpuEnergy = _rapl.Stop();
        var gpu = _gpu?.Stop() ?? GpuTelemetry.NotSampled(0, _gpuNotSampled);
        var process = _process.Stop();
        return new TelemetrySummary(gpu, cpuEnergy, process);
    }

    public void Dispose()
    {
        _gpu?.Dispose();
        _process.Dispose();
    }
}
