using System.Globalization;
using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Web.Reports;

namespace EfficiencyDashboard.Web.Components.Models;

/// <summary>How the models page writes a model's static figures; the unit is in each method's name.</summary>
public static class ModelFigures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Learnable parameters in millions (10^6), two decimals.</summary>
    public static string ParametersMillions(long parameters) => (parameters / 1e6).ToString("F2", Invariant);

    /// <summary>Multiply-accumulates per sample in billions (10^9), two decimals.</summary>
    public static string GigaMacs(long macs) => (macs / 1e9).ToString("F2", Invariant);

    /// <summary>File size in megabytes (10^6 bytes), two decimals.</summary>
    public static string Megabytes(long bytes) => (bytes / 1e6).ToString("F2", Invariant);

    /// <summary>The batch size the graph fixes, or "dynamic" when any batch can be fed.</summary>
    public static string Batch(Model model) => model.FixedBatchSize?.ToString(Invariant) ?? "dynamic";

    /// <summary>A similarity or correlation with four decimals: 0.9993.</summary>
    public static string Ratio(double value) => value.ToString("F4", Invariant);

    public static string Ratio(double? value) => value is { } v ? Ratio(v) : "-";

    /// <summary>"int8-dynamic of ResNet-50 (generated)"; distilled students name their teacher.</summary>
    public static string Derivation(Model model, IReadOnlyDictionary<int, Model> catalog)
    {
        if (model.Technique is not { } technique)
        {
            return "-";
        }

        var origin = model.ParentId ?? model.TeacherId;
        return origin is { } id && catalog.TryGetValue(id, out var source)
            ? $"{technique.ApiName()} of {source.Name}"
            : technique.ApiName();
    }

    /// <summary>The measured fidelity in one line: cosine, and top-1 agreement (classifiers) or rank correlation (embedders).</summary>
    public static string FidelitySummary(Model model)
    {
        if (model.Fidelity is not { } fidelity)
        {
            return model.ParentId is null ? "-" : "not measured";
        }

        var parts = new List<string>();
        if (fidelity.CosineSimilarity is { } cosine)
        {
            parts.Add($"cosine {Ratio(cosine)}");
        }

        if (fidelity.Top1Agreement is { } top1)
        {
            parts.Add($"top-1 {Figures.Percent(top1)}");
        }
        else if (fidelity.RankCorrelation is { } rank)
        {
            parts.Add($"rank corr. {Ratio(rank)}");
        }

        return parts.Count == 0 ? "measured, no summary figure" : string.Join(", ", parts);
    }

    /// <summary>Shapes given for dynamic dimensions, e.g. "input_ids [1, 128]".</summary>
    public static string Shape(int[] dimensions) => $"[{string.Join(", ", dimensions)}]";
}
