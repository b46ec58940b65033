using EfficiencyDashboard.Core.ReferenceData;

namespace EfficiencyDashboard.Core.Reports.Claims;

/// <summary>One row of the article's GPU table checked against the accelerator datasheets.</summary>
/// <param name="Row">The row as the article gives it.</param>
/// <param name="Datasheet">The catalog accelerator the row is checked against; null when the catalog has none of that model.</param>
/// <param name="Verdict">Supported when both the figure and the year match; Contradicted when either does not; NotEnoughEvidence without a datasheet.</param>
/// <param name="FigureMatches">Whether the figure is, within 5%, the FP32, the FP16 tensor (dense) or the preliminary FP32 figure.</param>
/// <param name="YearMatches">Whether the year is the announcement year.</param>
/// <param name="DatasheetSays">What the datasheet says, in one sentence (<c>V100 (NVIDIA V100-SXM2): 15.7 TFLOPS FP32 (15 preliminary), ..., announced 2017-05, not 2020.</c>).</param>
public sealed record GpuTableRowCheck(GpuTableRow Row, AcceleratorSpec? Datasheet, ClaimVerdict Verdict, bool FigureMatches, bool YearMatches, string DatasheetSays);
