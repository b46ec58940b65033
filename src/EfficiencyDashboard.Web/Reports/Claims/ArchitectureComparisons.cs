using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Reports.Claims;
using EfficiencyDashboard.Web.Reports.AlgorithmReport;
using EfficiencyDashboard.Web.Reports.Measured;

namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>
/// The measured evidence of the architecture claims, like with like: a newer architecture against each older one of the
/// same task whose published quality is at most its own, in the same setting. Pairs where the older one is more accurate,
/// or a quality is not published, are kept but not counted: throughput alone, shown as such.
/// </summary>
public static class ArchitectureComparisons
{
    /// <summary>The families whose gain a claim states, and the families it is measured against.</summary>
    public static (ModelFamily[] Newer, ModelFamily[] Older, string Task)? FamiliesOf(Claim claim) => claim.Id switch
    {
        var id when id == ArticleClaims.ResNet.Id => ([ModelFamily.ResNet], [ModelFamily.ConvNet], "image classification"),
        var id when id == ArticleClaims.MobileNet.Id => ([ModelFamily.MobileNet], [ModelFamily.ResNet, ModelFamily.ConvNet], "image classification"),
        var id when id == ArticleClaims.Transformer.Id => ([ModelFamily.Transformer], [ModelFamily.Recurrent], "text embedding"),
        _ => null,
    };

    public static List<MeasuredComparison> For(Claim claim, MeasuredSettings measured)
    {
        if (FamiliesOf(claim) is not var (newer, older, task))
        {
            return [];
        }

        bool Base(CatalogModel m) => m.ParentId is null && m.Technique is null && m.Task == task;
        var comparisons = new List<MeasuredComparison>();
        foreach (var target in measured.Settings.Where(s => s.ComparesThroughput))
        {
            if (!measured.Models.TryGetValue(target.Key.ModelId, out var model) || !Base(model) || !newer.Contains(model.Family))
            {
                continue;
            }

            foreach (var baseline in measured.Models.Values.Where(m => Base(m) && older.Contains(m.Family)))
            {
                if (measured.Find(target.Setting.For(baseline.Id)) is not { } reference)
                {
                    continue;
                }

                var note = Mismatch(model, baseline);
                comparisons.Add(new MeasuredComparison(
                    baseline, model, target.Setting, measured.MachineName(target.Key.HardwareId), reference.SpeedUpTo(target),
                    ComparedSide.Of(reference), ComparedSide.Of(target), note is null, note));
            }
        }

        return comparisons;
    }

    /// <summary>Why a pair is not like with like (throughput alone), or null when it is.</summary>
    public static string? Mismatch(CatalogModel newer, CatalogModel older)
    {
        if (newer.Published is not { } n || older.Published is not { } o)
        {
            return $"Throughput only: no published facts for {(newer.Published is null ? newer.Name : older.Name)}.";
        }

        if (o.PublishedMonth >= n.PublishedMonth)
        {
            return $"Throughput only: {older.Name} ({o.PublishedMonth:yyyy-MM}) is not older than {newer.Name} ({n.PublishedMonth:yyyy-MM}).";
        }

        if (n.Quality is not { } qn || o.Quality is not { } qo || n.QualityMetric != o.QualityMetric)
        {
            return $"Throughput only: no published {n.QualityMetricName} for {(n.Quality is null ? newer.Name : older.Name)}, so quality cannot be matched.";
        }

        return qo <= qn
            ? null
            : FormattableString.Invariant($"Throughput only: {older.Name} is more accurate ({qo:0.##} against {qn:0.##} {n.QualityMetricName}, reference), so this is not like with like.");
    }
}
