using EfficiencyDashboard.Core.Reports.Claims;

namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>A row of the article's GPU table beside the datasheet it is checked against. Reference data.</summary>
/// <param name="Gpu">The GPU as the article names it.</param>
/// <param name="ClaimedTflops">The article's TFLOPS figure.</param>
/// <param name="ClaimedYear">The article's year.</param>
/// <param name="Accelerator">The catalog accelerator checked against; null when none.</param>
/// <param name="PreliminaryFp32Tflops">The preliminary FP32 figure the source notes, if any.</param>
/// <param name="Fp32Tflops">The final datasheet FP32 figure.</param>
/// <param name="Fp16TensorTflopsDense">The datasheet FP16 tensor-core figure without sparsity.</param>
/// <param name="Announced">The announcement month (yyyy-MM).</param>
/// <param name="Verdict">Supported when figure and year match, otherwise contradicted.</param>
/// <param name="FigureMatches">Whether the figure is one of the datasheet's within 5%.</param>
/// <param name="YearMatches">Whether the year is the announcement year.</param>
/// <param name="DatasheetSays">The check in one sentence.</param>
/// <param name="Source">The datasheet source.</param>
public sealed record GpuTableRowView(
    string Gpu,
    double ClaimedTflops,
    int ClaimedYear,
    string? Accelerator,
    double? PreliminaryFp32Tflops,
    double? Fp32Tflops,
    double? Fp16TensorTflopsDense,
    string? Announced,
    ClaimVerdict Verdict,
    bool FigureMatches,
    bool YearMatches,
    string DatasheetSays,
    string? Source)
{
    public static GpuTableRowView From(GpuTableRowCheck check) => new(
        check.Row.Gpu,
        check.Row.ClaimedTflops,
        check.Row.ClaimedYear,
        check.Datasheet?.Accelerator,
        check.Datasheet is { } d ? Preliminary(d.Source) : null,
        check.Datasheet?.Fp32Tflops,
        check.Datasheet?.Fp16TensorTflopsDense,
        check.Datasheet?.Announced,
        check.Verdict,
        check.FigureMatches,
        check.YearMatches,
        check.DatasheetSays,
        check.Datasheet?.Source);

    // Same notation GpuTableClaim reads: "15 TFLOPS FP32 preliminary" in the source column.
    private static double? Preliminary(string source) =>
        System.Text.RegularExpressions.Regex.Match(source, @"(\d+(?:\.\d+)?) TFLOPS FP32 preliminary", System.Text.RegularExpressions.RegexOptions.IgnoreCase) is { Success: true } m
            ? double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
