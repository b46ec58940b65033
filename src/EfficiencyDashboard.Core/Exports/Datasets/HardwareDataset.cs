using static EfficiencyDashboard.Core.Exports.ColumnType;
using static EfficiencyDashboard.Core.Exports.ValueOrigin;

namespace EfficiencyDashboard.Core.Exports.Datasets;

/// <summary>One row per machine runs executed on.</summary>
public static class HardwareDataset
{
    public static ExportDataset Definition { get; } = new(
        "hardware",
        "One row per machine that ran measurements, as detected at start-up, with the accelerator datasheet its GPU matches.",
        [
            new("hardware_id", Integer, null, "The hardware record's id (runs.hardware_id).", Provenance, "h.Id"),
            new("machine_name", Text, null, "The host name.", Provenance, "h.MachineName"),
            new("cpu_model", Text, null, "The CPU model.", Measured, "h.CpuModel"),
            new("logical_cores", Integer, "cores", "Logical CPU cores.", Measured, "h.LogicalCores"),
            new("memory_bytes", Integer, "bytes", "Physical memory.", Measured, "h.MemoryBytes", Nullable: true),
            new("gpu_count", Integer, "GPUs", "GPUs NVML reported.", Measured, "h.GpuCount"),
            new("gpu_name", Text, null, "The first GPU's name (NVML).", Measured, "h.GpuName", Nullable: true),
            new("gpu_uuid", Text, null, "The first GPU's UUID.", Measured, "h.GpuUuid", Nullable: true),
            new("gpu_memory_bytes", Integer, "bytes", "The first GPU's memory.", Measured, "h.GpuMemoryBytes", Nullable: true),
            new("gpu_driver_version", Text, null, "The NVIDIA driver version.", Measured, "h.GpuDriverVersion", Nullable: true),
            new("gpu_unavailable_reason", Text, null, "Why no GPU was seen, when none was.", Measured, "h.GpuUnavailableReason", Nullable: true),
            new("execution_providers", Text, null, "JSON list of execution providers with whether each loaded and why not.", Measured, "h.ExecutionProviders"),
            new("accelerator_name", Text, null, "The accelerator datasheet (accelerators dataset) the GPU matches.", Reference, "h.AcceleratorName", Nullable: true),
            new("first_seen_at", Timestamp, "UTC", "When this machine was first detected.", Provenance, "h.FirstSeenAtUtc"),
            new("last_seen_at", Timestamp, "UTC", "When it was last detected (last start-up).", Provenance, "h.LastSeenAtUtc"),
        ],
        "Hardware h",
        "h.Id",
        new Dictionary<ExportFilterField, string> { [ExportFilterField.Date] = "h.LastSeenAtUtc", [ExportFilterField.Hardware] = "h.MachineName" });
}
