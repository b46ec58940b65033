using System.Collections.Concurrent;
using System.Diagnostics;
using EfficiencyDashboard.Runner.Telemetry;

namespace EfficiencyDashboard.Runner.Tests.Telemetry;

/// <summary>
/// A GPU that draws constant power: its energy counter grows by <see cref="PowerW"/> x elapsed time, as NVML's
/// does. Records when it was read, so tests can see when sampling happened.
/// </summary>
public sealed class FakeNvml : INvml
{
    private readonly long _created = Stopwatch.GetTimestamp();

    public string? UnavailableReason { get; init; }

    /// <summary>Board power; null behaves like a GPU that cannot report power.</summary>
    public double? PowerW { get; init; } = 250;

    /// <summary>False behaves like a pre-Volta GPU without the energy counter.</summary>
    public bool HasEnergyCounter { get; init; } = true;

    public long MemoryUsedBytes { get; init; } = 3L << 30;

    public int[] ProcessIds { get; init; } = [];

    /// <summary>Makes every reading throw, like a misbehaving driver binding.</summary>
    public bool Throws { get; init; }

    public IReadOnlyList<GpuDeviceInfo> Devices { get; init; } = [new(0, "Fake GPU", "GPU-00000000-fake", 80L << 30)];

    public ConcurrentQueue<long> ReadTimestamps { get; } = new();

    public int DeviceCount => UnavailableReason is null ? Devices.Count : 0;

    public string? DriverVersion => UnavailableReason is null ? "999.99" : null;

    public GpuDeviceInfo? Describe(int index) => UnavailableReason is null && index < Devices.Count ? Devices[index] : null;

    public GpuReading Read(int index)
    {
        var now = Stopwatch.GetTimestamp();
        ReadTimestamps.Enqueue(now);
        if (Throws)
        {
            throw new InvalidOperationException("driver fault");
        }

        var seconds = Stopwatch.GetElapsedTime(_created, now).TotalSeconds;
        ulong? energyMj = HasEnergyCounter && PowerW is { } w ? (ulong)(1_000_000 + seconds * w * 1000) : null;
        return new GpuReading(PowerW, energyMj, MemoryUsedBytes, 87, 1980, 2619);
    }

    public int ReadComputeProcessIds(int index, Span<int> processIds)
    {
        ProcessIds.AsSpan().CopyTo(processIds);
        return ProcessIds.Length;
    }
}
