using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.ReferenceData;
using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Core.Reports.Claims;
using EfficiencyDashboard.Core.Runs;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>
/// Checks the article's claims against this install's measured runs (paired by <see cref="MeasuredRules"/>) and the
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

    public async Task<ClaimsOverview> BuildAsync(CancellationToken cancellationToken = default)
    {
        var asOf = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reference = await LoadReferenceAsync(db, cancellationToken);
        var runs = await MeasuredRunsAsync(db, cancellationToken);
        var measuredHeadlines = MeasuredHeadlines(runs, asOf);
        var gpuChecks = GpuTableClaim.Check(reference.Accelerators);

        var claims = new List<ClaimReport>();
        foreach (var claim in ArticleClaims.All)
        {
            var measured = new List<ClaimEvidence>();
            foreach (var pair in MeasuredRules.Pairs(claim, runs))
            {
                measured.Add(await MeasureAsync(db, pair, cancellationToken));
            }

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

    /// <summary>
    /// Repeated runs (at least two each side): ratio of geometric means with a Welch interval. Otherwise the latest run
    /// of each side, with a bootstrap over their per-query latencies, or a plain ratio when a run kept no samples.
    /// </summary>
    private static async Task<ClaimEvidence> MeasureAsync(EfficiencyContext db, RunComparison pair, CancellationToken cancellationToken)
    {
        IReadOnlyList<MeasuredRun> baseline = pair.Baseline, target = pair.Target;
        GainEstimate gain;
        if (baseline.Count >= 2 && target.Count >= 2)
        {
            gain = GainEstimate.FromRepeatedRuns([.. baseline.Select(r => r.ThroughputPerSecond)], [.. target.Select(r => r.ThroughputPerSecond)]);
        }
        else
        {
            baseline = [baseline.MaxBy(r => r.MeasuredAtUtc)!];
            target = [target.MaxBy(r => r.MeasuredAtUtc)!];
            var a = await LatenciesAsync(db, baseline[0].RunId, cancellationToken);
            var b = await LatenciesAsync(db, target[0].RunId, cancellationToken);
            gain = a.Count > 0 && b.Count > 0
                ? GainEstimate.FromLatencySamples(a, baseline[0].BatchSize, b, target[0].BatchSize)
                : GainEstimate.FromSingleValues(baseline[0].ThroughputPerSecond, target[0].ThroughputPerSecond);
        }

        var runs = baseline.Select(r => Link(r, "baseline")).Concat(target.Select(r => Link(r, "target"))).ToList();
        var invalid = runs.Where(r => !r.IsValid).Select(r => $"#{r.Id}").ToList();
        var description = $"Throughput of {pair.Describe()}" +
            (invalid.Count > 0 ? $"; includes INVALID run{(invalid.Count == 1 ? "" : "s")} {string.Join(", ", invalid)}." : ".");
        return new ClaimEvidence(ProvenanceKind.Measured, gain.Factor, gain.CiLow95, gain.CiHigh95, description, gain.Method,
            [.. runs.Select(r => $"run {r.Id}")], runs);
    }

    private static EvidenceRun Link(MeasuredRun run, string role) =>
        new(run.RunId, $"/runs/{run.RunId}", run.Model.Name, role, run.IsValid, run.InvalidReason);

    private static async Task<List<double>> LatenciesAsync(EfficiencyContext db, long runId, CancellationToken cancellationToken) =>
        await db.LatencySamples.AsNoTracking().Where(s => s.RunId == runId).OrderBy(s => s.Sequence).Select(s => s.LatencyMs)
            .Where(l => l > 0).ToListAsync(cancellationToken);

    private static ClaimEvidence TwoYearEvidence(MeasuredHeadline headline) =>
        new(ProvenanceKind.Measured, headline.Factor!.Value, null, null,
            $"Best measured samples per joule for {headline.Task}: run #{headline.CurrentRunId} today against run #{headline.EarlierRunId} two years earlier.",
            "Efficiency frontier of this install's runs: best at today / best on or before the same date two years earlier.",
            [$"run {headline.CurrentRunId}", $"run {headline.EarlierRunId}"],
            [new(headline.EarlierRunId!.Value, $"/runs/{headline.EarlierRunId}", headline.Task, "baseline", true, null),
             new(headline.CurrentRunId!.Value, $"/runs/{headline.CurrentRunId}", headline.Task, "target", true, null)]);

    /// <summary>Per task with runs that measured energy: the frontier of samples per joule, today against two years ago.</summary>
    private static List<MeasuredHeadline> MeasuredHeadlines(IReadOnlyList<MeasuredRun> runs, DateOnly asOf) =>
        runs.Where(r => r.EnergyPerInferenceJ is > 0 && r.Scenario != Scenario.Server)
            .GroupBy(r => r.Model.Task)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(task =>
            {
                var frontier = new EfficiencyFrontier(task.Select(r =>
                    new DatedValue(DateOnly.FromDateTime(r.MeasuredAtUtc), 1 / r.EnergyPerInferenceJ!.Value, r.RunId.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                var gain = frontier.TwoYearGain(asOf);
                return new MeasuredHeadline(task.Key, gain.Factor,
                    gain.Current is { } c ? long.Parse(c.ProvenanceId, System.Globalization.CultureInfo.InvariantCulture) : null,
                    gain.Earlier is { } e ? long.Parse(e.ProvenanceId, System.Globalization.CultureInfo.InvariantCulture) : null,
                    gain.Current?.BestValue, gain.Earlier?.BestValue, gain.Reason);
            })
            .ToList();

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

    private static async Task<List<MeasuredRun>> MeasuredRunsAsync(EfficiencyContext db, CancellationToken cancellationToken)
    {
        var models = await db.Models.AsNoTracking().ToDictionaryAsync(m => m.Id, cancellationToken);
        var rows = await db.Runs.AsNoTracking()
            .Where(r => r.Status == RunStatus.Succeeded && r.Result != null && r.Result.ThroughputPerSecond > 0)
            .Select(r => new
            {
                r.Id, r.ModelId, r.HardwareId, r.Result!.ActualExecutionProvider, r.Scenario, r.BatchSize, r.InputShapes,
                r.Result.ThroughputPerSecond, r.Result.EnergyPerInferenceJ, r.Result.IsValid, r.Result.ValidityReasons, r.Result.MeasuredAtUtc,
            })
            .ToListAsync(cancellationToken);
        return rows.Where(r => models.ContainsKey(r.ModelId)).Select(r => new MeasuredRun(
            r.Id, models[r.ModelId], r.HardwareId, r.ActualExecutionProvider, r.Scenario, r.BatchSize,
            string.Join("; ", r.InputShapes.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}=[{string.Join(",", s.Value)}]")),
            r.ThroughputPerSecond, r.EnergyPerInferenceJ, r.IsValid,
            r.IsValid ? null : string.Join(" ", r.ValidityReasons.Select(v => v.Message)),
            r.MeasuredAtUtc)).ToList();
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
