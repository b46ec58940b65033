using System.Runtime.InteropServices;
using System.Text;

namespace EfficiencyDashboard.Runner.Telemetry;

/// <summary>
/// NVML through P/Invoke over libnvidia-ml.so.1, which the NVIDIA driver installs. On a machine without the driver
/// it reports "not available" with the reason and every reading is null; nothing throws.
/// </summary>
public sealed class Nvml : INvml, IDisposable
{
    private static readonly Lazy<Nvml> SharedInstance = new(() => new Nvml());

    private readonly IntPtr[] _devices = [];
    private readonly Lock _processLock = new();
    private NvmlLibrary.ProcessInfo[] _processes = new NvmlLibrary.ProcessInfo[64];
    private bool _initialised;

    /// <summary>Initialises NVML; check <see cref="UnavailableReason"/> for the outcome.</summary>
    public Nvml()
    {
        try
        {
            var status = NvmlLibrary.nvmlInit_v2();
            if (status != NvmlLibrary.Success)
            {
                UnavailableReason = $"not available: nvmlInit_v2 failed ({ErrorText(status)}).";
                return;
            }

            _initialised = true;
            status = NvmlLibrary.nvmlDeviceGetCount_v2(out var count);
            if (status != NvmlLibrary.Success)
            {
                UnavailableReason = $"not available: nvmlDeviceGetCount_v2 failed ({ErrorText(status)}).";
                return;
            }

            _devices = new IntPtr[count];
            for (var i = 0; i < count; i++)
            {
                _ = NvmlLibrary.nvmlDeviceGetHandleByIndex_v2((uint)i, out _devices[i]);
            }

            DriverVersion = ReadText((buffer, length) => NvmlLibrary.nvmlSystemGetDriverVersion(buffer, length), NvmlLibrary.DriverVersionBufferSize);
        }
        catch (DllNotFoundException)
        {
            UnavailableReason = $"not available: {NvmlLibrary.Name} could not be loaded (no NVIDIA driver on this machine).";
        }
        catch (EntryPointNotFoundException ex)
        {
            UnavailableReason = $"not available: the NVIDIA driver's NVML is too old ({ex.Message}).";
        }
    }

    /// <summary>The process-wide instance; NVML is initialised once and kept for the life of the process.</summary>
    public static Nvml Shared => SharedInstance.Value;

    /// <inheritdoc />
    public string? UnavailableReason { get; }

    /// <inheritdoc />
    public int DeviceCount => UnavailableReason is null ? _devices.Length : 0;

    /// <inheritdoc />
    public string? DriverVersion { get; }

    /// <inheritdoc />
    public GpuDeviceInfo? Describe(int index)
    {
        if (!TryDevice(index, out var device))
        {
            return null;
        }

        var name = ReadText((buffer, length) => NvmlLibrary.nvmlDeviceGetName(device, buffer, length), NvmlLibrary.NameBufferSize);
        var uuid = ReadText((buffer, length) => NvmlLibrary.nvmlDeviceGetUUID(device, buffer, length), NvmlLibrary.UuidBufferSize);
        var memory = Call(() => NvmlLibrary.nvmlDeviceGetMemoryInfo(device, out var m) == NvmlLibrary.Success ? (long?)m.Total : null);
        return name is null ? null : new GpuDeviceInfo(index, name, uuid ?? "", memory);
    }

    /// <inheritdoc />
    public GpuReading Read(int index)
    {
        if (!TryDevice(index, out var device))
        {
            return default;
        }

        return new GpuReading(
            Call(() => NvmlLibrary.nvmlDeviceGetPowerUsage(device, out var mw) == NvmlLibrary.Success ? mw / 1000.0 : (double?)null),
            Call(() => NvmlLibrary.nvmlDeviceGetTotalEnergyConsumption(device, out var mj) == NvmlLibrary.Success ? mj : (ulong?)null),
            Call(() => NvmlLibrary.nvmlDeviceGetMemoryInfo(device, out var m) == NvmlLibrary.Success ? (long)m.Used : (long?)null),
            Call(() => NvmlLibrary.nvmlDeviceGetUtilizationRates(device, out var u) == NvmlLibrary.Success ? (int)u.Gpu : (int?)null),
            Call(() => NvmlLibrary.nvmlDeviceGetClockInfo(device, NvmlLibrary.ClockSm, out var sm) == NvmlLibrary.Success ? (int)sm : (int?)null),
            Call(() => NvmlLibrary.nvmlDeviceGetClockInfo(device, NvmlLibrary.ClockMemory, out var mem) == NvmlLibrary.Success ? (int)mem : (int?)null));
    }

    /// <inheritdoc />
    public int ReadComputeProcessIds(int index, Span<int> processIds)
    {
        if (!TryDevice(index, out var device))
        {
            return -1;
        }

        lock (_processLock)
        {
            try
            {
                var count = (uint)_processes.Length;
                var status = NvmlLibrary.nvmlDeviceGetComputeRunningProcesses_v3(device, ref count, _processes);
                if (status == NvmlLibrary.InsufficientSize)
                {
                    // More processes than the buffer holds: grow once to what NVML asked for, plus headroom.
                    _processes = new NvmlLibrary.ProcessInfo[count + 16];
                    count = (uint)_processes.Length;
                    status = NvmlLibrary.nvmlDeviceGetComputeRunningProcesses_v3(device, ref count, _processes);
                }

                if (status != NvmlLibrary.Success)
                {
                    return -1;
                }

                var written = (int)Math.Min(count, (uint)processIds.Length);
                for (var i = 0; i < written; i++)
                {
                    processIds[i] = (int)_processes[i].Pid;
                }

                return written;
            }
            catch (EntryPointNotFoundException)
            {
                return -1;
            }
        }
    }

    /// <summary>Shuts NVML down; <see cref="Shared"/> is never disposed.</summary>
    public void Dispose()
    {
        if (_initialised && !(SharedInstance.IsValueCreated && ReferenceEquals(this, SharedInstance.Value)))
        {
            _initialised = false;
            Call(() => (int?)NvmlLibrary.nvmlShutdown());
        }
    }

    private bool TryDevice(int index, out IntPtr device)
    {
        device = UnavailableReason is null && index >= 0 && index < _devices.Length ? _devices[index] : IntPtr.Zero;
        return device != IntPtr.Zero;
    }

    private static T? Call<T>(Func<T?> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return default;
        }
    }

    private static string? ReadText(Func<byte[], uint, int> read, int size)
    {
        var buffer = new byte[size];
        var status = Call(() => (int?)read(buffer, (uint)size));
        if (status != NvmlLibrary.Success)
        {
            return null;
        }

        var end = Array.IndexOf(buffer, (byte)0);
        return Encoding.UTF8.GetString(buffer, 0, end < 0 ? buffer.Length : end);
    }

    private static string ErrorText(int status)
    {
        var text = NvmlLibrary.nvmlErrorString(status);
        return text == IntPtr.Zero ? $"NVML error {status}" : $"{Marshal.PtrToStringUTF8(text)}, NVML error {status}";
    }
}
