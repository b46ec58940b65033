using EfficiencyDashboard.Core.Measurements;
using System.Diagnostics;
using System.Globalization;

namespace EfficiencyDashboard.Runner.Telemetry;

/// <summary>
/// Samples one GPU through NVML during the measured window only: a reading when <see cref="Start"/> is called, one
/// every <see cref="Interval"/> (at most 100 ms) on a background thread, and one when <see cref="Stop"/> is called.
/// The energy counter is read at both ends. Never throws because of NVML: missing readings become notes.
/// </summary>
public sealed class GpuSampler : IDisposable
{
    /// <summary>The longest allowed interval between readings.</summary>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The interval used when none is given: half the maximum, so a late wake-up still stays under it.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(50);

    private const int MaxProcesses = 64;

    private readonly INvml _nvml;
    private readonly int _device;
    private readonly List<(long Timestamp, GpuReading Reading)> _readings = new(capacity: 4096);
    private readonly int[] _processIds = new int[MaxProcesses];
    private readonly HashSet<int> _otherProcesses = [];
    private readonly SamplingThread _thread;
    private readonly Lock _lock = new();
    private string? _deviceName;

    /// <param name="nvml">The NVML to read.</param>
    /// <param name="deviceIndex">The GPU to sample (the CUDA provider runs on device 0).</param>
    /// <param name="interval">Time between readings; at most <see cref="MaxInterval"/>.</param>
    public GpuSampler(INvml nvml, int deviceIndex = 0, TimeSpan? interval = null)
    {
        Interval = interval ?? DefaultInterval;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Interval, MaxInterval, nameof(interval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Interval, TimeSpan.Zero, nameof(interval));
        _nvml = nvml;
        _device = deviceIndex;
        _thread = new SamplingThread("GPU sampler", Interval, Sample);
    }

    /// <summary>Time between readings.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Takes the first reading and starts sampling; does nothing but note the reason when NVML is not available.</summary>
    public void Start()
    {
        if (_nvml.UnavailableReason is not null)
        {
            return;
        }

        _deviceName = Safely(() => _nvml.Describe(_device))?.Name;
        Sample();
        _thread.Start();
    }

    /// <summary>Stops sampling, takes the last reading, and summarises the window.</summary>
    public GpuTelemetry Stop()
    {
        if (_nvml.UnavailableReason is { } reason)
        {
            return GpuTelemetry.NotSampled(_device, reason);
        }

        _thread.Stop();
        Sample();
        lock (_lock)
        {
            return Summarise();
        }
    }

    public void Dispose() => _thread.Dispose();

    private void Sample()
    {
        var timestamp = Stopwatch.GetTimestamp();
        var reading = Safely(() => _nvml.Read(_device));
        var processCount = Safely(() => _nvml.ReadComputeProcessIds(_device, _processIds));
        lock (_lock)
        {
            _readings.Add((timestamp, reading));
            for (var i = 0; i < processCount; i++)
            {
                if (_processIds[i] != Environment.ProcessId)
                {
                    _otherProcesses.Add(_processIds[i]);
                }
            }
        }
    }

    private GpuTelemetry Summarise()
    {
        var first = _readings[0].Timestamp;
        double Ms(long timestamp) => Stopwatch.GetElapsedTime(first, timestamp).TotalMilliseconds;
        var window = Ms(_readings[^1].Timestamp) / 1000;
        var maxGap = _readings.Skip(1).Select((r, i) => Ms(r.Timestamp) - Ms(_readings[i].Timestamp)).DefaultIfEmpty(0).Max();
        var where = string.Create(CultureInfo.InvariantCulture, $"GPU {_device} ({_deviceName ?? "unnamed"}) over {window:0.###} s");

        var (counterJ, counterNote) = _readings[0].Reading.EnergyMj is { } startMj && _readings[^1].Reading.EnergyMj is { } endMj && endMj >= startMj
            ? ((endMj - startMj) / 1000.0, $"NVML total energy counter delta on {where}.")
            : ((double?)null, "The NVML energy counter is not readable on this GPU (it needs Volta or later).");

        var power = _readings.Where(r => r.Reading.PowerW is not null).Select(r => new PowerSample(Ms(r.Timestamp), r.Reading.PowerW!.Value)).ToArray();
        double? integralJ = power.Length >= 2
            ? power.Skip(1).Select((p, i) => (p.OffsetMs - power[i].OffsetMs) / 1000 * (p.PowerW + power[i].PowerW) / 2).Sum()
            : null;
        var integralNote = integralJ is null
            ? "Fewer than two NVML power readings were taken, so power cannot be integrated."
            : string.Create(CultureInfo.InvariantCulture, $"Integral of {power.Length} NVML power readings (at most {Interval.TotalMilliseconds:0} ms apart) on {where}; NVML averages power over up to a second, so short windows are approximate.");
        var spanSeconds = power.Length >= 2 ? (power[^1].OffsetMs - power[0].OffsetMs) / 1000 : 0;

        return new GpuTelemetry(
            _device, _deviceName, null, _readings.Count, window, maxGap,
            counterJ, counterNote, integralJ, integralNote,
            spanSeconds > 0 ? integralJ / spanSeconds : power.Length > 0 ? power[0].PowerW : null,
            power.Length > 0 ? power.Max(p => p.PowerW) : null,
            _readings.Max(r => r.Reading.MemoryUsedBytes),
            Mean(r => r.UtilizationPercent),
            Mean(r => r.SmClockMhz),
            Mean(r => r.MemoryClockMhz),
            [.. _otherProcesses.Order()],
            power);
    }

    private double? Mean(Func<GpuReading, int?> field)
    {
        var values = _readings.Select(r => field(r.Reading)).OfType<int>().ToArray();
        return values.Length > 0 ? values.Average() : null;
    }

    private static T? Safely<T>(Func<T?> read)
    {
        try
        {
            return read();
        }
        catch (Exception)
        {
            // INvml promises not to throw; a fake or a driver fault that does is treated as a missing reading.
            return default;
        }
    }
}
