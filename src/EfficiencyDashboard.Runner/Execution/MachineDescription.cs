using System.Runtime.InteropServices;

namespace EfficiencyDashboard.Runner.Execution;

/// <summary>The machine a run executed on, as recorded in its provenance.</summary>
public sealed record MachineDescription(string MachineName, string CpuModel, int LogicalCores, string OperatingSystem, string RuntimeVersion)
{
    public static MachineDescription Current { get; } = new(
        Environment.MachineName,
        ReadCpuModel(),
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    private static string ReadCpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (UnauthorizedAccessException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
