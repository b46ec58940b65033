using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.ReferenceData;
using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Core.Reports.Claims;
using EfficiencyDashboard.Web.Reports.AlgorithmReport;
using EfficiencyDashboard.Web.Reports.Measured;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>
/// Checks the article's claims against this install's measurements (the per-setting aggregates, compared by
/// <see cref="MeasuredRules"/> and judged by <see cref="ClaimAssessment"/>) and the reference data in the database
/// (<see cref="ReferenceEvidence"/>), and gives the two-year headlines per task. The data work reads small tables only
/// (aggregates, catalog, daily bests), so it does not grow with the history; the reference data is read once per version.
/// </summary>
public sealed class ClaimsReport(IDbContextFactory<EfficiencyContext> dbFactory, TimeProvider time)
{
    /// <summary>The tasks of the headline, with the MLPerf benchmark that stands for each.</summary>
    public static IReadOnlyList<(string Task, string Benchmark)> HeadlineTasks { get; } =
        [("image classification", "resnet50"), ("language (BERT question answering)", "bert-99")];

    private const string HeadlineMethod =
        "Best figure among closed-division data-centre MLPerf Inference Offline results in the latest round published on or " +
        "before today, divided by the best in the round published closest to two years earlier, scaled to exactly two years.";

    private volatile ReferenceDataSet? _reference;

    public async Task<ClaimsOverview> BuildAsync(CancellationToken cancellationToken = default) =>
        await BuildAsync(RunSelection.ValidOnly, cancellationToken);

    public async Task<ClaimsOverview> BuildAsync(RunSelection runs, CancellationToken cancellationToken = default)
    {
        var asOf = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reference = await LoadReferenceAsync(db, cancellationToken);
        var measured = await MeasuredSettings.LoadAsync(db, runs, cancellationToken);
        var headlines = await MeasuredHeadlines.LoadAsync(db, measured, asOf, cancellationToken);
        var algorithms = AlgorithmComparisons.From(measured);
        var gpuChecks = GpuTableClaim.Check(reference.Accelerators);

        var claims = new List<ClaimReport>();
        foreach (var claim in ArticleClaims.All)
        {
            var comparisons = MeasuredRules.Select(claim, algorithms, measured);
            var figures = claim.Id == ArticleClaims.OverallTwoYears.Id ? headlines.Where(h => h.Factor is not null).Select(TwoYearEvidence).ToList() : [];
            var report = ClaimAssessment.Assess(claim, MeasuredRules.Describe(claim), comparisons, figures, ReferenceEvidence.For(claim, reference, asOf));
            if (claim.Id == ArticleClaims.GpuTable.Id && GpuTableClaim.Verdict(gpuChecks) == ClaimVerdict.Contradicted)
            {
                // The claim states the table; a row the datasheets contradict contradicts the claim as stated.
                var wrong = gpuChecks.Where(c => c.Verdict == ClaimVerdict.Contradicted).Select(c => c.Row.Gpu);
                report = report with { Verdict = ClaimVerdict.Contradicted, Reason = $"The datasheets contradict the table's {string.Join(", ", wrong)} rows. {report.Reason}" };
            }

            claims.Add(ClaimSettling.WithSettlingRuns(report, claim, comparisons, measured));
        }

        return new ClaimsOverview(asOf, reference.ContentVersion, runs, VerdictRule.Text, claims, [.. gpuChecks.Select(GpuTableRowView.From)],
            ReferenceHeadlines(reference, asOf), headlines);
    }

    private static ClaimEvidence TwoYearEvidence(MeasuredHeadline headline)
    {
        var runs = new[] { (headline.CurrentRunId!.Value, "today's best"), (headline.EarlierRunId!.Value, "best two years earlier") }
            .Select(r => new EvidenceRun(r.Item1, $"/runs/{r.Item1}", headline.Task, r.Item2)).ToList();
        return new ClaimEvidence(ProvenanceKind.Measured, headline.Factor!.Value, null, null,
            $"Best VALID samples per joule ({headline.EnergyScope}) of {headline.Task} on this install, today against two years earlier.",
            "Ratio of the best figure on or before today to the best on or before two years earlier; one figure each, so no interval.",
            [.. runs.Select(r => $"run {r.Id}")], runs);
    }

    private static List<ReferenceHeadline> ReferenceHeadlines(ReferenceDataSet reference, DateOnly asOf)
    {
        var trends = new MlperfTrends(reference);
        return HeadlineTasks.Select(t =>
        {
            var selection = new MlperfSelection(t.Benchmark);
            var gain = trends.TwoYearGain(selection, asOf);
            return new ReferenceHeadline(t.Task, t.Benchmark, selection.Describe(), gain.Throughput, gain.SamplesPerJoule, HeadlineMethod);
        }).ToList();
    }

    /// <summary>The reference data as loaded into the database, read once per content version.</summary>
    private async Task<ReferenceDataSet> LoadReferenceAsync(EfficiencyContext db, CancellationToken cancellationToken)
    {
        var version = await db.ReferenceDataVersions.AsNoTracking().OrderByDescending(v => v.Id)
            .Select(v => v.ContentVersion).FirstOrDefaultAsync(cancellationToken) ?? "";
        if (_reference is { } cached && cached.ContentVersion == version)
        {
            return cached;
        }

        // Ordered by row id, which is file order: ties in the trends go to the first row.
        var reference = new ReferenceDataSet(
            new AcceleratorCatalog(await db.ReferenceAccelerators.AsNoTracking().OrderBy(a => EF.Property<int>(a, "Id")).ToListAsync(cancellationToken)),
            await db.ReferenceMlperfResults.AsNoTracking().OrderBy(r => EF.Property<int>(r, "Id")).ToListAsync(cancellationToken),
            await db.ReferenceMlperfPower.AsNoTracking().OrderBy(p => EF.Property<int>(p, "Id")).ToListAsync(cancellationToken),
            version)
        {
            Architectures = await db.ReferenceArchitectures.AsNoTracking().OrderBy(a => EF.Property<int>(a, "Id")).ToListAsync(cancellationToken),
        };
        _reference = reference;
        return reference;
    }
}
