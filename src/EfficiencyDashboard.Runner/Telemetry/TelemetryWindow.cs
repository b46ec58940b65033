using EfficiencyDashboard.Core.Measurements;

namespace EfficiencyDashboard.Runner.Telemetry;

/// <summary>
/// Starts every telemetry source just before the measured window and stops them just after it: the GPU sampler
/// (GPU runs only), the RAPL counters, the process sampler and the host contention counters. Their threads sleep
/// between readings, and the contention counters are read only at the two ends, so they take no measurable time from
/// the measured thread.
/// </summary>
internal sealed class TelemetryWindow : IDisposable
{
    private readonly GpuSampler? _gpu;
    private readonly string _gpuNotSampled;
    private readonly ProcessSampler _process = new();
    private readonly RaplEnergyWindow _rapl;
    private readonly HostContentionWindow _contention;

    private TelemetryWindow(GpuSampler? gpu, string gpuNotSampled, RaplEnergyMeter rapl, HostContentionMeter contention, IReadOnlyCollection<int> runnerThreads)
    {
        _gpu = gpu;
        _gpuNotSampled = gpuNotSampled;
        _process.Start();
        _gpu?.Start();
        _rapl = rapl.Start();
        _contention = contention.Start(runnerThreads);
    }

    /// <summary>Starts sampling; <paramref name="gpuNotSampledReason"/> null samples GPU 0, otherwise it says why not.</summary>
    public static TelemetryWindow Start(
        INvml nvml, RaplEnergyMeter rapl, HostContentionMeter contention, IReadOnlyCollection<int> runnerThreads, string? gpuNotSampledReason) =>
        new(gpuNotSampledReason is null ? new GpuSampler(nvml) : null, gpuNotSampledReason ?? "", rapl, contention, runnerThreads);

    /// <summary>Stops every source and summarises the window.</summary>
    public TelemetrySummary Stop()
    {
        var contention = _contention.Stop();
        var cpuEnergy = _rapl.Stop();
        var gpu = _gpu?.Stop() ?? GpuTelemetry.NotSampled(0, _gpuNotSampled);
        var process = _process.Stop();
        return new TelemetrySummary(gpu, cpuEnergy, process, contention);
    }

    public void Dispose()
    {
        _gpu?.Dispose();
        _process.Dispose();
    }
}
