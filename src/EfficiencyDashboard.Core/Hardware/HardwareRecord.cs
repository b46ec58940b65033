namespace EfficiencyDashboard.Core.Hardware;

/// <summary>A machine runs executed on, as detected at start-up, linked to the accelerator catalog where its GPU matches.</summary>
public sealed class HardwareRecord
{
    public int Id { get; set; }

    /// <summary>Identifies the same machine across starts: host, CPU, memory and GPUs.</summary>
    public required string Fingerprint { get; set; }

    public required string MachineName { get; set; }

    public required string CpuModel { get; set; }

    public int LogicalCores { get; set; }

    public long? MemoryBytes { get; set; }

    public int GpuCount { get; set; }

    /// <summary>The first GPU's name, as NVML reports it.</summary>
    public string? GpuName { get; set; }

    public string? GpuUuid { get; set; }

    public long? GpuMemoryBytes { get; set; }

    public string? GpuDriverVersion { get; set; }

    /// <summary>Why no GPU was seen, when none was.</summary>
    public string? GpuUnavailableReason { get; set; }

    /// <summary>Which execution providers actually loaded, and why not where they did not.</summary>
    public List<ProviderLoad> ExecutionProviders { get; set; } = [];

    /// <summary>The accelerator catalog entry (reference datasheet) this machine's GPU matches, if any.</summary>
    public string? AcceleratorName { get; set; }

    public DateTime FirstSeenAtUtc { get; set; }

    public DateTime LastSeenAtUtc { get; set; }
}
