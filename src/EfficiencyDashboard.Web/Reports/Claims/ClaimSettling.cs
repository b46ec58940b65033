using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Reports.Claims;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Reports.Measured;

namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>
/// Which runs would settle a claim that lacks evidence: a first comparison (both sides twice, on the CPU at batch 1), an
/// interval (a second run of each side measured once), or a narrower interval (three more runs of each side).
/// </summary>
public static class ClaimSettling
{
    /// <summary>Most runs a claim proposes at once.</summary>
    public const int MaxSettings = 12;

    public static ClaimReport WithSettlingRuns(ClaimReport report, Claim claim, IReadOnlyList<MeasuredComparison> comparisons, MeasuredSettings measured)
    {
        if (report.Verdict != ClaimVerdict.NotEnoughEvidence)
        {
            return report;
        }

        if (claim.Id == ArticleClaims.OverallTwoYears.Id)
        {
            return report with { SettleNote = "Measured evidence needs this install's runs with energy two years apart: start the two-year study (Suites) now, and again on the hardware and software of two years from now." };
        }

        if (claim.Id == ArticleClaims.GpuTable.Id)
        {
            return report with { SettleNote = "Reference only: the datasheets settle the table, not runs." };
        }

        var counted = comparisons.Where(c => c.Counted).ToList();
        if (counted.Count == 0)
        {
            var pairs = CandidatePairs(claim, measured).Take(3).ToList();
            var runs = pairs.SelectMany(p => new[] { p.Baseline, p.Target })
                .Select(m => new SettlingRun(m.Id, m.Name, "cpu", 1, Scenario.SingleStream.ApiName(), 2, "a first comparison with an interval (two VALID runs a side)"))
                .DistinctBy(r => r.ModelId).ToList();
            return report with
            {
                SettlingRuns = runs,
                SettleNote = runs.Count > 0 ? null : MissingModels(claim),
            };
        }

        var noInterval = counted.Where(c => !c.SpeedUp.HasInterval).ToList();
        var (chosen, count, why) = noInterval.Count > 0
            ? (noInterval, 2, "an interval: a second VALID run of each side measured once")
            : (counted, 3, "a narrower interval: the estimate lies outside the range but its interval reaches into it");
        var proposed = chosen
            .SelectMany(c => new[] { (Model: c.Baseline, Runs: c.BaselineRuns.Runs, c.Setting, c.Hardware), (Model: c.Target, Runs: c.TargetRuns.Runs, c.Setting, c.Hardware) })
            .Where(s => noInterval.Count == 0 || s.Runs < 2)
            .Select(s => new SettlingRun(s.Model.Id, s.Model.Name, s.Setting.Provider.ApiName(), s.Setting.BatchSize, s.Setting.Scenario.ApiName(),
                noInterval.Count > 0 ? count - s.Runs : count, $"{why} (measured so far on {s.Hardware})"))
            .DistinctBy(r => (r.ModelId, r.Provider, r.BatchSize, r.Scenario))
            .Take(MaxSettings)
            .ToList();
        return report with { SettlingRuns = proposed };
    }

    /// <summary>Pairs of catalog models whose comparison would count for the claim.</summary>
    private static IEnumerable<(CatalogModel Baseline, CatalogModel Target)> CandidatePairs(Claim claim, MeasuredSettings measured)
    {
        var models = measured.Models.Values.OrderBy(m => m.Id).ToList();
        if (ArchitectureComparisons.FamiliesOf(claim) is var (newer, older, task))
        {
            bool Base(CatalogModel m) => m.ParentId is null && m.Technique is null && m.Task == task;
            return from n in models.Where(m => Base(m) && newer.Contains(m.Family))
                   from o in models.Where(m => Base(m) && older.Contains(m.Family))
                   where ArchitectureComparisons.Mismatch(n, o) is null
                   select (o, n);
        }

        Func<CatalogModel, bool>? isTarget = claim.Id switch
        {
            var id when id == ArticleClaims.Quantization.Id => m => m.ParentId is not null && m.Technique is Technique.Int8Dynamic or Technique.Int8Static,
            var id when id == ArticleClaims.Pruning.Id => m => m.ParentId is not null && m.Technique == Technique.PrunedStructured,
            var id when id == ArticleClaims.Distillation.Id => m => m.TeacherId is not null,
            _ => null,
        };
        return isTarget is null
            ? []
            : models.Where(isTarget).Select(m => (measured.Models.GetValueOrDefault(m.ParentId ?? m.TeacherId!.Value), m))
                .Where(p => p.Item1 is not null).Select(p => (p.Item1!, p.m));
    }

    private static string MissingModels(Claim claim) => claim.Id switch
    {
        var id when id == ArticleClaims.Quantization.Id => "No int8 variant is in the catalog: make one (int8-static or int8-dynamic) on the Models page, or start the two-year study (Suites), which makes them; then run it beside its parent.",
        var id when id == ArticleClaims.Pruning.Id => "No pruned-structured variant is in the catalog: make one on the Models page, or start the two-year study (Suites); then run it beside its parent.",
        var id when id == ArticleClaims.Distillation.Id => "No distilled student with its teacher is in the catalog.",
        _ => "The catalog has no pair of architectures of this claim whose published quality allows a like-with-like comparison.",
    };
}
