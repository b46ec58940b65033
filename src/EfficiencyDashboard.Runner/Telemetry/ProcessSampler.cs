using EfficiencyDashboard.Core.Measurements;
using System.Diagnostics;
using System.Globalization;

namespace EfficiencyDashboard.Runner.Telemetry;

/// <summary>
/// Measures the runner process over the measured window: CPU time over wall time and cores, and peak resident
/// memory, sampled every <see cref="GpuSampler.DefaultInterval"/> on a background thread (spikes shorter than
/// that can be missed; <see cref="ProcessTelemetry.ProcessPeakRssBytes"/> has the exact lifetime peak).
/// </summary>
/// <remarks>Process-wide figures: another run executing in the same process at the same time is counted too.</remarks>
public sealed class ProcessSampler : IDisposable
{
    private readonly SamplingThread _thread;
    private long _peakRss;
    private long _startTimestamp;
    private TimeSpan _startCpu;

    public ProcessSampler() => _thread = new SamplingThread("Process sampler", GpuSampler.DefaultInterval, SampleRss);

    /// <summary>Starts the window.</summary>
    public void Start()
    {
        Interlocked.Exchange(ref _peakRss, 0);
        _startCpu = CpuTime();
        _startTimestamp = Stopwatch.GetTimestamp();
        SampleRss();
        _thread.Start();
    }

    /// <summary>Ends the window and summarises it.</summary>
    public ProcessTelemetry Stop()
    {
        var wall = Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds;
        var cpu = (CpuTime() - _startCpu).TotalSeconds;
        _thread.Stop();
        SampleRss();
        var cores = Environment.ProcessorCount;
        var peak = Interlocked.Read(ref _peakRss);
        // The kernel counts resident pages per CPU and folds them into VmHWM lazily, so a sample can read above the
        // high-water mark taken a moment later; the lifetime peak is at least every sample.
        var lifetimePeak = ReadPeakRss() is { } hwm ? Math.Max(hwm, peak) : (long?)null;
        // CPU time comes in scheduler ticks, so a busy short window can read a little over every core's wall time.
        var utilization = wall > 0 ? Math.Min(1, cpu / (wall * cores)) : 0;
        return new ProcessTelemetry(peak > 0 ? peak : null, lifetimePeak, utilization, cpu, wall, cores);
    }

    public void Dispose() => _thread.Dispose();

    private void SampleRss()
    {
        var rss = CurrentRss();
        long seen;
        while (rss > (seen = Interlocked.Read(ref _peakRss)) && Interlocked.CompareExchange(ref _peakRss, rss, seen) != seen)
        {
        }
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static long CurrentRss()
    {
        try
        {
            // statm's second field is resident pages; cheaper than a Process snapshot.
            var fields = File.ReadAllText("/proc/self/statm").Split(' ');
            return long.Parse(fields[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return Environment.WorkingSet;
        }
    }

    private static long? ReadPeakRss()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kilobytes is null ? null : long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
