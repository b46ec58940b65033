using System.Globalization;
using System.Text.RegularExpressions;
using EfficiencyDashboard.Core.ReferenceData;

namespace EfficiencyDashboard.Core.Reports.Claims;

/// <summary>The article's GPU table ("V100 15 TFLOPS 2020, A100 30 2021, H100 60 2022") checked row by row against the datasheets.</summary>
public static partial class GpuTableClaim
{
    // A claimed figure is the datasheet's when it is that figure rounded: 15 for 15.7 is, 30 for 19.5 is not.
    private const double FigureTolerance = 0.05;

    /// <summary>The table as the article gives it.</summary>
    public static IReadOnlyList<GpuTableRow> ArticleRows { get; } =
    [
        new("V100", 15, 2020),
        new("A100", 30, 2021),
        new("H100", 60, 2022),
    ];

    /// <summary>Checks the article's rows.</summary>
    public static IReadOnlyList<GpuTableRowCheck> Check(AcceleratorCatalog catalog) => Check(catalog, ArticleRows);

    /// <summary>
    /// Checks each row against the first-announced accelerator of its model in the catalog (the flagship at a tie, by
    /// FP32 figure): the figure against its FP32, FP16 tensor (dense) and preliminary FP32 figures (as the source column
    /// notes them, "15 TFLOPS FP32 preliminary"), within 5%; the year against its announcement year.
    /// </summary>
    public static IReadOnlyList<GpuTableRowCheck> Check(AcceleratorCatalog catalog, IReadOnlyList<GpuTableRow> rows) =>
        rows.Select(row => CheckRow(catalog, row)).ToList();

    /// <summary>The verdict on the whole table: Contradicted when any row is, Supported when every row is, otherwise NotEnoughEvidence.</summary>
    public static ClaimVerdict Verdict(IReadOnlyList<GpuTableRowCheck> checks) =>
        checks.Any(c => c.Verdict == ClaimVerdict.Contradicted) ? ClaimVerdict.Contradicted
        : checks.Count > 0 && checks.All(c => c.Verdict == ClaimVerdict.Supported) ? ClaimVerdict.Supported
        : ClaimVerdict.NotEnoughEvidence;

    private static GpuTableRowCheck CheckRow(AcceleratorCatalog catalog, GpuTableRow row)
    {
        var datasheet = catalog.OfModel(row.Gpu)
            .OrderBy(a => a.AnnouncedMonth)
            .ThenByDescending(a => a.Fp32Tflops ?? 0)
            .FirstOrDefault();
        if (datasheet is null)
        {
            return new GpuTableRowCheck(row, null, ClaimVerdict.NotEnoughEvidence, false, false,
                $"{row.Gpu}: not in the accelerator catalog.");
        }

        var preliminary = PreliminaryFp32(datasheet);
        var figureMatches = new[] { datasheet.Fp32Tflops, datasheet.Fp16TensorTflopsDense, preliminary }
            .Any(figure => figure is { } f && Math.Abs(row.ClaimedTflops - f) <= FigureTolerance * f);
        var yearMatches = datasheet.AnnouncedMonth.Year == row.ClaimedYear;

        var says = new List<string>();
        if (datasheet.Fp32Tflops is { } fp32)
        {
            says.Add(preliminary is { } p ? Invariant($"{fp32:0.##} TFLOPS FP32 ({p:0.##} preliminary)") : Invariant($"{fp32:0.##} TFLOPS FP32"));
        }

        if (datasheet.Fp16TensorTflopsDense is { } fp16)
        {
            says.Add(Invariant($"{fp16:0.##} TFLOPS FP16 tensor (dense)"));
        }

        says.Add(yearMatches ? $"announced {datasheet.Announced}" : $"announced {datasheet.Announced}, not {row.ClaimedYear}");
        var sentence = $"{row.Gpu} ({datasheet.Accelerator}): {string.Join(", ", says)}" +
            (figureMatches ? "." : Invariant($"; no {row.Gpu} figure is {row.ClaimedTflops:0.##} TFLOPS."));

        var verdict = figureMatches && yearMatches ? ClaimVerdict.Supported : ClaimVerdict.Contradicted;
        return new GpuTableRowCheck(row, datasheet, verdict, figureMatches, yearMatches, sentence);
    }

    private static double? PreliminaryFp32(AcceleratorSpec spec) =>
        Preliminary().Match(spec.Source) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    [GeneratedRegex(@"(\d+(?:\.\d+)?) TFLOPS FP32 preliminary", RegexOptions.IgnoreCase)]
    private static partial Regex Preliminary();
}
