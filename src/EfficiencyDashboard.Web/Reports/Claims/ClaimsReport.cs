using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.ReferenceData;
using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Core.Reports.Claims;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Reports.AlgorithmReport;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>
/// Checks the article's claims against this install's measured runs (compared by <see cref="MeasuredRules"/>) and the
/// reference data in the database (<see cref="ReferenceEvidence"/>), and gives the two-year headlines per task.
/// </summary>
public sealed class ClaimsReport(IDbContextFactory<EfficiencyContext> dbFactory, TimeProvider time)
{
    /// <summary>The tasks of the headline, with the MLPerf benchmark that stands for each.</summary>
    public static IReadOnlyList<(string Task, string Benchmark)> HeadlineTasks { get; } =
        [("image classification", "resnet50"), ("language (BERT question answering)", "bert-99")];

    private const string HeadlineMethod =
        "Best figure among closed-division data-centre MLPerf Inference Offline results in the latest round published on or " +
        "before today, divided by the best in the round published closest to two years earlier, scaled to exactly two years.";

    private ReferenceDataSet? _reference;
    private volatile CachedOverview? _cached;
    private readonly SemaphoreSlim _computing = new(1, 1);

    public async Task<ClaimsOverview> BuildAsync(CancellationToken cancellationToken = default)
    {
        var asOf = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reference = await LoadReferenceAsync(db, cancellationToken);
        // Runs are only ever added or finished, never edited: the succeeded runs' count and highest id, the catalog's
        // lineage and classification, the reference version and the date change exactly when the claims can.
        var key = await InputsKeyAsync(db, reference, asOf, cancellationToken);
        if (_cached is { } cached && cached.Key == key)
        {
            return cached.Overview;
        }

        // One computation at a time: views arriving together after a run finishes share the first one's work.
        await _computing.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } computed && computed.Key == key)
            {
                return computed.Overview;
            }

            var overview = await ComputeAsync(db, reference, asOf, cancellationToken);
            _cached = new CachedOverview(key, overview);
            return overview;
        }
        finally
        {
            _computing.Release();
        }
    }

    private static async Task<string> InputsKeyAsync(EfficiencyContext db, ReferenceDataSet reference, DateOnly asOf, CancellationToken cancellationToken)
    {
        var runs = await db.Runs.Where(r => r.Status == RunStatus.Succeeded)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Last = g.Max(r => r.Id) }).FirstOrDefaultAsync(cancellationToken);
        // What of the catalog the claims depend on: each model's identity, lineage and classification.
        var models = await db.Models.AsNoTracking().OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Key, m.Name, m.Family, m.Task, m.ParentId, m.TeacherId, m.Technique })
            .ToListAsync(cancellationToken);
        var catalog = string.Join('|', models.Select(m => $"{m.Id},{m.Key},{m.Name},{m.Family},{m.Task},{m.ParentId},{m.TeacherId},{m.Technique}"));
        return $"{asOf:O}/{reference.ContentVersion}/{runs?.Count}/{runs?.Last}/{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(catalog)))}";
    }

    private sealed record CachedOverview(string Key, ClaimsOverview Overview);

    private static async Task<ClaimsOverview> ComputeAsync(EfficiencyContext db, ReferenceDataSet reference, DateOnly asOf, CancellationToken cancellationToken)
    {
        // The algorithms page's comparisons (every setting), so that both pages give the same figures.
        var algorithms = await AlgorithmReportData.LoadAsync(db, new AlgorithmFilters(), cancellationToken);
        var architectures = await MobileNetComparisonsAsync(db, algorithms.HardwareNames, cancellationToken);
        var measuredHeadlines = await MeasuredHeadlinesAsync(db, asOf, cancellationToken);
        var gpuChecks = GpuTableClaim.Check(reference.Accelerators);
        var byClaim = ArticleClaims.All.ToDictionary(c => c.Id, c => MeasuredRules.Select(c, algorithms.Comparisons, architectures));
        var invalidReasons = await InvalidReasonsAsync(db, byClaim.Values.SelectMany(p => p).SelectMany(p => p.InvalidRunIds), cancellationToken);

        var claims = new List<ClaimReport>();
        foreach (var claim in ArticleClaims.All)
        {
            var measured = byClaim[claim.Id].Select(p => Evidence(p, invalidReasons)).ToList();
            if (claim.Id == ArticleClaims.OverallTwoYears.Id)
            {
                measured.AddRange(measuredHeadlines.Where(h => h.Factor is not null).Select(TwoYearEvidence));
            }

            var evidence = measured.Concat(ReferenceEvidence.For(claim, reference, asOf).Select(ClaimEvidence.FromReference)).ToList();
            claims.Add(Report(claim, evidence, gpuChecks));
        }

        return new ClaimsOverview(asOf, reference.ContentVersion, claims, [.. gpuChecks.Select(GpuTableRowView.From)],
            ReferenceHeadlines(reference, asOf), measuredHeadlines);
    }

    private static ClaimReport Report(Claim claim, List<ClaimEvidence> evidence, IReadOnlyList<GpuTableRowCheck> gpuChecks)
    {
        var evaluation = ClaimEvaluator.Evaluate(claim, [.. evidence.Select(e => e.ToEvidence())]);
        var (verdict, reason) = (evaluation.Verdict, evaluation.Reason);
        if (claim.Id == ArticleClaims.GpuTable.Id && GpuTableClaim.Verdict(gpuChecks) == ClaimVerdict.Contradicted)
        {
            // The claim states the table; a row the datasheets contradict contradicts the claim as stated.
            var wrong = gpuChecks.Where(c => c.Verdict == ClaimVerdict.Contradicted).Select(c => c.Row.Gpu);
            (verdict, reason) = (ClaimVerdict.Contradicted, $"The datasheets contradict the table's {string.Join(", ", wrong)} rows. {reason}");
        }

        var measured = evidence.Where(e => e.Provenance == ProvenanceKind.Measured).ToList();
        return new ClaimReport(claim.Id, claim.Text, claim.Topic, claim.ClaimedLow, claim.ClaimedHigh, claim.ClaimedRange,
            verdict, reason, evaluation.EvidenceLow, evaluation.EvidenceHigh,
            measured.Count == 0 ? null : Math.Exp(measured.Average(e => Math.Log(e.Factor))),
            measured.Count == 0 ? null : measured.Min(e => e.CiLow ?? e.Factor),
            measured.Count == 0 ? null : measured.Max(e => e.CiHigh ?? e.Factor),
            MeasuredRules.Describe(claim), evidence);
    }

    private static ClaimEvidence Evidence(MeasuredComparison pair, IReadOnlyDictionary<long, string> invalidReasons)
    {
        var runs = pair.BaselineRunIds.Select(id => Link(id, pair.Baseline, "baseline", invalidReasons))
            .Concat(pair.TargetRunIds.Select(id => Link(id, pair.Target, "target", invalidReasons))).ToList();
        var invalid = runs.Where(r => !r.IsValid).Select(r => $"#{r.Id}").ToList();
        var description = $"Throughput of {pair.Describe()}" +
            (invalid.Count > 0 ? $"; includes INVALID run{(invalid.Count == 1 ? "" : "s")} {string.Join(", ", invalid)}." : ".");
        return new ClaimEvidence(ProvenanceKind.Measured, pair.SpeedUp.Factor, pair.SpeedUp.CiLow95, pair.SpeedUp.CiHigh95, description,
            pair.SpeedUp.Method, [.. runs.Select(r => $"run {r.Id}")], runs);
    }

    private static EvidenceRun Link(long runId, string model, string role, IReadOnlyDictionary<long, string> invalidReasons) =>
        new(runId, $"/runs/{runId}", model, role, !invalidReasons.ContainsKey(runId), invalidReasons.GetValueOrDefault(runId));

    /// <summary>Why each of <paramref name="runIds"/> failed its validity checks, in one query over those runs alone.</summary>
    private static async Task<Dictionary<long, string>> InvalidReasonsAsync(EfficiencyContext db, IEnumerable<long> runIds, CancellationToken cancellationToken)
    {
        var ids = runIds.Distinct().ToList();
        var rows = await db.RunResults.AsNoTracking().Where(x => ids.Contains(x.RunId)).Select(x => new { x.RunId, x.ValidityReasons })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.RunId, r => string.Join(" ", r.ValidityReasons.Select(v => v.Message)));
    }

    /// <summary>
    /// For each setting where both were measured: the fastest MobileNet (highest mean throughput over its latest runs)
    /// against a ResNet-50, both image classifiers of the catalog that are not variants. Counted and read like the
    /// algorithms page: per model and setting in SQL, the latest runs of each group.
    /// </summary>
    private static async Task<List<MeasuredComparison>> MobileNetComparisonsAsync(
        EfficiencyContext db, IReadOnlyDictionary<int, string> hardware, CancellationToken cancellationToken)
    {
        var classifiers = await db.Models.AsNoTracking().Where(m => m.Task == MeasuredRules.ImageClassification && m.ParentId == null)
            .OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var resNets = classifiers.Where(MeasuredRules.IsResNet50).ToList();
        var mobileNets = classifiers.Where(m => m.Family == ModelFamily.MobileNet).ToList();
        if (resNets.Count == 0 || mobileNets.Count == 0)
        {
            return [];
        }

        var counts = await RunFigures.CountAsync(db, [.. resNets.Concat(mobileNets).Select(m => m.Id)], cancellationToken);
        var settings = counts.Keys.Select(k => k.Setting).Where(s => s.Scenario != Scenario.Server).Distinct()
            .Select(s => (Setting: s, Baseline: resNets.FirstOrDefault(m => counts.ContainsKey((m.Id, s))),
                Candidates: mobileNets.Where(m => counts.ContainsKey((m.Id, s))).ToList()))
            .Where(s => s.Baseline is not null && s.Candidates.Count > 0)
            .ToList();
        var latest = await RunFigures.LatestAsync(
            db, settings.SelectMany(s => s.Candidates.Append(s.Baseline!).Select(m => (m.Id, s.Setting))), cancellationToken);
        var comparisons = new List<MeasuredComparison>();
        foreach (var (setting, baseline, candidates) in settings)
        {
            var fastest = candidates.MaxBy(m => latest[(m.Id, setting)].Average(r => r.ThroughputPerSecond))!;
            var (speedUp, baselineRuns, targetRuns) = await AlgorithmReportData.SpeedUpAsync(
                db, setting, [.. latest[(baseline!.Id, setting)]], [.. latest[(fastest.Id, setting)]], cancellationToken);
            comparisons.Add(new MeasuredComparison(baseline.Name, fastest.Name, setting, HardwareLabel.Of(hardware, setting.HardwareId), speedUp,
                [.. baselineRuns.Select(r => r.RunId)], [.. targetRuns.Select(r => r.RunId)],
                [.. baselineRuns.Concat(targetRuns).Where(r => !r.IsValid).Select(r => r.RunId)]));
        }

        return comparisons;
    }

    private static ClaimEvidence TwoYearEvidence(MeasuredHeadline headline) =>
        new(ProvenanceKind.Measured, headline.Factor!.Value, null, null,
            $"Best measured samples per joule for {headline.Task}: run #{headline.CurrentRunId} today against run #{headline.EarlierRunId} two years earlier.",
            "Efficiency frontier of this install's runs: best at today / best on or before the same date two years earlier.",
            [$"run {headline.CurrentRunId}", $"run {headline.EarlierRunId}"],
            [new(headline.EarlierRunId!.Value, $"/runs/{headline.EarlierRunId}", headline.Task, "baseline", true, null),
             new(headline.CurrentRunId!.Value, $"/runs/{headline.CurrentRunId}", headline.Task, "target", true, null)]);

    /// <summary>
    /// Per task with runs that measured energy: the frontier of samples per joule, today against two years ago. SQL gives
    /// the best run of each task and day (SQLite returns the other columns from the row holding the maximum), so only one
    /// row per day is read. CROSS JOIN keeps SQLite's join order: the results' covering index is scanned for the runs
    /// that measured energy, and only those are looked up in Runs (from Runs, every succeeded run would be).
    /// </summary>
    private static async Task<List<MeasuredHeadline>> MeasuredHeadlinesAsync(EfficiencyContext db, DateOnly asOf, CancellationToken cancellationToken)
    {
        var succeeded = nameof(RunStatus.Succeeded);
        var server = nameof(Scenario.Server);
        var days = await db.Database.SqlQuery<BestOfDay>($"""
            SELECT m.Task, date(x.MeasuredAtUtc) AS Day, MAX(1.0 / x.EnergyPerInferenceJ) AS SamplesPerJoule, r.Id AS RunId
            FROM RunResults AS x CROSS JOIN Runs AS r ON r.Id = x.RunId JOIN Models AS m ON m.Id = r.ModelId
            WHERE x.EnergyPerInferenceJ > 0 AND x.ThroughputPerSecond > 0 AND r.Status = {succeeded} AND r.Scenario <> {server}
            GROUP BY m.Task, date(x.MeasuredAtUtc)
            """).ToListAsync(cancellationToken);
        return days
            .GroupBy(d => d.Task)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(task =>
            {
                var frontier = new EfficiencyFrontier(task.Select(d => new DatedValue(
                    DateOnly.ParseExact(d.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture), d.SamplesPerJoule, d.RunId.ToString(CultureInfo.InvariantCulture))));
                var gain = frontier.TwoYearGain(asOf);
                return new MeasuredHeadline(task.Key, gain.Factor,
                    gain.Current is { } c ? long.Parse(c.ProvenanceId, CultureInfo.InvariantCulture) : null,
                    gain.Earlier is { } e ? long.Parse(e.ProvenanceId, CultureInfo.InvariantCulture) : null,
                    gain.Current?.BestValue, gain.Earlier?.BestValue, gain.Reason);
            })
            .ToList();
    }

    private sealed class BestOfDay
    {
        public string Task { get; set; } = "";

        public string Day { get; set; } = "";

        public double SamplesPerJoule { get; set; }

        public long RunId { get; set; }
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
            version);
        _reference = reference;
        return reference;
    }
}
