namespace EfficiencyDashboard.Core.ReferenceData;

/// <summary>
/// One data-centre accelerator from <c>accelerators.csv</c>: vendor datasheet figures, dense (no sparsity).
/// Reference data: public figures with their source, never measured here.
/// </summary>
/// <param name="Accelerator">Name as the catalog spells it, vendor first (<c>NVIDIA H100-SXM5-80GB</c>). Source column <c>accelerator</c>.</param>
/// <param name="Vendor">Source column <c>vendor</c>.</param>
/// <param name="Architecture">Vendor's architecture name (<c>Hopper</c>). Source column <c>architecture</c>.</param>
/// <param name="AnnouncedMonth">First day of the month the accelerator was announced. Source column <c>announced</c> (yyyy-MM).</param>
/// <param name="Fp32Tflops">Peak FP32 (non-tensor) rate, TFLOPS. Source column <c>fp32_tflops</c>.</param>
/// <param name="Fp16TensorTflopsDense">Peak FP16 tensor-core rate without sparsity, TFLOPS. Source column <c>fp16_tensor_tflops_dense</c>.</param>
/// <param name="Int8TopsDense">Peak INT8 rate without sparsity, TOPS; null where the datasheet gives none. Source column <c>int8_tops_dense</c>.</param>
/// <param name="Fp8TflopsDense">Peak FP8 rate without sparsity, TFLOPS; null before FP8 existed. Source column <c>fp8_tflops_dense</c>.</param>
/// <param name="MemoryGb">Device memory, GB. Source column <c>memory_gb</c>.</param>
/// <param name="MemoryBandwidthTbs">Device memory bandwidth, TB/s. Source column <c>memory_bandwidth_tbs</c>.</param>
/// <param name="TdpWatts">Thermal design power (board or module), W. Source column <c>tdp_watts</c>.</param>
/// <param name="Check">Whether the figures were checked against the datasheet. Source column <c>verified</c>.</param>
/// <param name="Source">Where the figures come from, with notes such as preliminary figures. Source column <c>source</c>.</param>
public sealed record AcceleratorSpec(
    string Accelerator,
    string Vendor,
    string Architecture,
    DateOnly AnnouncedMonth,
    double? Fp32Tflops,
    double? Fp16TensorTflopsDense,
    double? Int8TopsDense,
    double? Fp8TflopsDense,
    double? MemoryGb,
    double? MemoryBandwidthTbs,
    double? TdpWatts,
    DatasheetCheck Check,
    string Source)
{
    /// <summary>The columns of <c>accelerators.csv</c>, in file order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "accelerator", "vendor", "architecture", "announced", "fp32_tflops", "fp16_tensor_tflops_dense", "int8_tops_dense",
        "fp8_tflops_dense", "memory_gb", "memory_bandwidth_tbs", "tdp_watts", "verified", "source",
    ];

    /// <summary>The announcement month as the source writes it (yyyy-MM).</summary>
    public string Announced => AnnouncedMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    internal static AcceleratorSpec Read(ReferenceCsvRow row) => new(
        row.Text("accelerator"),
        row.Text("vendor"),
        row.Text("architecture"),
        row.Month("announced"),
        row.OptionalNumber("fp32_tflops"),
        row.OptionalNumber("fp16_tensor_tflops_dense"),
        row.OptionalNumber("int8_tops_dense"),
        row.OptionalNumber("fp8_tflops_dense"),
        row.OptionalNumber("memory_gb"),
        row.OptionalNumber("memory_bandwidth_tbs"),
        row.OptionalNumber("tdp_watts"),
        row.Text("verified").Trim().ToLowerInvariant() switch
        {
            "yes" => DatasheetCheck.Checked,
            "partly" => DatasheetCheck.PartlyChecked,
            "no" => DatasheetCheck.NotChecked,
            var other => throw row.Bad("verified", $"'{other}' is not yes, partly or no."),
        },
        row.Text("source"));
}
