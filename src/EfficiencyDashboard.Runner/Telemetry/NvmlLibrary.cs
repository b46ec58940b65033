using System.Runtime.InteropServices;

namespace EfficiencyDashboard.Runner.Telemetry;

/// <summary>
/// Declarations of the NVML C functions the runner calls, from nvml.h. Every signature is blittable, so calls
/// marshal nothing. Status codes: 0 success, 3 not supported, 7 insufficient size.
/// </summary>
internal static class NvmlLibrary
{
    public const string Name = "libnvidia-ml.so.1";
    public const int Success = 0;
    public const int NotSupported = 3;
    public const int InsufficientSize = 7;
    public const int ClockSm = 1;
    public const int ClockMemory = 2;

    // NVML_DEVICE_NAME_V2_BUFFER_SIZE, NVML_DEVICE_UUID_V2_BUFFER_SIZE, NVML_SYSTEM_DRIVER_VERSION_BUFFER_SIZE.
    public const int NameBufferSize = 96;
    public const int UuidBufferSize = 96;
    public const int DriverVersionBufferSize = 80;

    [DllImport(Name)]
    public static extern int nvmlInit_v2();

    [DllImport(Name)]
    public static extern int nvmlShutdown();

    [DllImport(Name)]
    public static extern IntPtr nvmlErrorString(int result);

    [DllImport(Name)]
    public static extern int nvmlSystemGetDriverVersion([Out] byte[] version, uint length);

    [DllImport(Name)]
    public static extern int nvmlDeviceGetCount_v2(out uint count);

    [DllImport(Name)]
    public static extern int nvmlDeviceGetHandleByIndex_v2(uint index, out IntPtr device);

    [DllImport(Name)]
    public static extern int nvmlDeviceGetName(IntPtr device, [Out] byte[] name, uint length);

    [DllImport(Name)]
    public static extern int nvmlDeviceGetUUID(IntPtr device, [Out] byte[] uuid, uint length);

    [DllImport(Name)]
    public static extern int nvmlDeviceGetPowerUsage(IntPtr device, out uint milliwatts);

    [DllImport(Name)]
    public static extern int nvmlDeviceGetTotalEnergyConsumption(IntPtr device, out ulong millijoules);

    [DllImport(Name)]
    public static extern int nvmlDeviceGetMemoryInfo(IntPtr device, out Memory memory);

    [DllImport(Name)]
    public static extern int nvmlDeviceGetUtilizationRates(IntPtr device, out Utilization utilization);

    [DllImport(Name)]
    public static extern int nvmlDeviceGetClockInfo(IntPtr device, int clockType, out uint mhz);

    [DllImport(Name)]
    public static extern int nvmlDeviceGetComputeRunningProcesses_v3(IntPtr device, ref uint count, [Out] ProcessInfo[] processes);

    /// <summary>nvmlMemory_t: bytes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Memory
    {
        public ulong Total;
        public ulong Free;
        public ulong Used;
    }

    /// <summary>nvmlUtilization_t: percent.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Utilization
    {
        public uint Gpu;
        public uint Memory;
    }

    /// <summary>nvmlProcessInfo_t (v2 layout, used by the _v3 call): 24 bytes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct ProcessInfo
    {
        public uint Pid;
        public ulong UsedGpuMemory;
        public uint GpuInstanceId;
        public uint ComputeInstanceId;
    }
}
