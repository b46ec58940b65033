using static EfficiencyDashboard.Core.Exports.ColumnType;
using static EfficiencyDashboard.Core.Exports.ValueOrigin;

namespace EfficiencyDashboard.Core.Exports.Datasets;

/// <summary>Accelerator datasheet figures, every source column kept.</summary>
public static class AcceleratorsDataset
{
    public static ExportDataset Definition { get; } = new(
        "accelerators",
        "Peak rates (dense, no sparsity), memory, bandwidth, TDP and announcement month of data-centre accelerators, from vendor datasheets. " +
        "Rows with check 'NotChecked' came from secondary tables and need a datasheet check.",
        [
            new("accelerator", Text, null, "The accelerator's name.", Reference, "a.Accelerator"),
            new("vendor", Text, null, "Its vendor.", Reference, "a.Vendor"),
            new("architecture", Text, null, "Its architecture generation.", Reference, "a.Architecture"),
            new("announced", Timestamp, "UTC", "The month it was announced (first day, midnight UTC).", Reference, "a.AnnouncedMonth"),
            new("fp32_tflops", Real, "TFLOP/s", "Peak FP32 rate.", Reference, "a.Fp32Tflops", Nullable: true),
            new("fp16_tensor_tflops_dense", Real, "TFLOP/s", "Peak FP16 tensor rate, dense.", Reference, "a.Fp16TensorTflopsDense", Nullable: true),
            new("int8_tops_dense", Real, "TOP/s", "Peak INT8 tensor rate, dense.", Reference, "a.Int8TopsDense", Nullable: true),
            new("fp8_tflops_dense", Real, "TFLOP/s", "Peak FP8 tensor rate, dense.", Reference, "a.Fp8TflopsDense", Nullable: true),
            new("memory_gb", Real, "GB", "Device memory.", Reference, "a.MemoryGb", Nullable: true),
            new("memory_bandwidth_tbs", Real, "TB/s", "Memory bandwidth.", Reference, "a.MemoryBandwidthTbs", Nullable: true),
            new("tdp_watts", Real, "W", "Thermal design power.", Reference, "a.TdpWatts", Nullable: true),
            new("check", Text, null, "Checked, PartlyChecked or NotChecked against the datasheet.", Reference, "a.\"Check\""),
            new("source", Text, null, "The datasheet or table the figures come from.", Reference, "a.Source"),
        ],
        "ReferenceAccelerators a",
        "a.AnnouncedMonth, a.Accelerator",
        new Dictionary<ExportFilterField, string> { [ExportFilterField.Date] = "(a.AnnouncedMonth || ' 00:00:00')", [ExportFilterField.Hardware] = "a.Accelerator" });
}
