using System.Globalization;
using System.Text;
using System.Text.Json;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.ReferenceData;
using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Core.Reports.Claims;
using EfficiencyDashboard.Core.Runs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;
using System.Security.Cryptography;
using EfficiencyDashboard.Core.Catalog;

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
    private volatile CachedOverview? _cached;
    private readonly SemaphoreSlim _computing = new(1, 1);
    private SucceededRuns? _runs;

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
        return $"{asOf:O}/{reference.ContentVersion}/{runs?.Count}/{runs?.Last}/{CatalogKey(await CatalogAsync(db, cancellationToken))}";
    }

    private static Task<Dictionary<int, Model>> CatalogAsync(EfficiencyContext db, CancellationToken cancellationToken) =>
        db.Models.AsNoTracking().ToDictionaryAsync(m => m.Id, cancellationToken);

    /// <summary>What of the catalog the claims depend on: each model's identity, lineage and classification.</summary>
    private static string CatalogKey(Dictionary<int, Model> models) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', models.Values.OrderBy(m => m.Id)
            .Select(m => $"{m.Id},{m.Key},{m.Name},{m.Family},{m.Task},{m.ParentId},{m.TeacherId},{m.Technique}")))));

    private sealed record CachedOverview(string Key, ClaimsOverview Overview);

    private async Task<ClaimsOverview> ComputeAsync(EfficiencyContext db, ReferenceDataSet reference, DateOnly asOf, CancellationToken cancellationToken)
    {
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

    /// <summary>
    /// Every succeeded run with a result, bound to the current catalog. Succeeded runs never change, so after the first
    /// read only runs with a higher id than the last one read are read, unless a run with a lower id has succeeded since
    /// (the CPU and GPU queues finish out of id order): then every run is read again.
    /// </summary>
    private async Task<IReadOnlyList<MeasuredRun>> MeasuredRunsAsync(EfficiencyContext db, CancellationToken cancellationToken)
    {
        var models = await CatalogAsync(db, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // One read transaction: the counts and the rows come from the same snapshot of the database.
            await using var snapshot = await db.Database.BeginTransactionAsync(cancellationToken);
            var known = _runs;
            if (known is not null && await SucceededUpToAsync(db, known.LastRunId, cancellationToken) != known.SucceededUpTo)
            {
                known = null;
            }

            var added = ReadRuns(db, models, known?.LastRunId ?? 0, cancellationToken);
            var all = known is null ? added : [.. known.Runs, .. added];
            var last = all.Count == 0 ? 0 : Math.Max(known?.LastRunId ?? 0, all[^1].RunId);
            _runs = new SucceededRuns(all, last, await SucceededUpToAsync(db, last, cancellationToken));
            return Bind(all, models);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The runs read so far: in run order, the highest run id among them, and how many runs up to it had succeeded then.</summary>
    private sealed record SucceededRuns(List<MeasuredRun> Runs, long LastRunId, int SucceededUpTo);

    private static Task<int> SucceededUpToAsync(EfficiencyContext db, long lastRunId, CancellationToken cancellationToken) =>
        db.Runs.CountAsync(r => r.Status == RunStatus.Succeeded && r.Id <= lastRunId, cancellationToken);

    /// <summary>The runs with each model as the catalog has it now (a model an engineer reclassified since the read, say); runs of removed models are left out.</summary>
    private static List<MeasuredRun> Bind(List<MeasuredRun> runs, Dictionary<int, Model> models)
    {
        var bound = new List<MeasuredRun>(runs.Count);
        foreach (var run in runs)
        {
            if (models.TryGetValue(run.Model.Id, out var model))
            {
                bound.Add(ReferenceEquals(model, run.Model) ? run : run with { Model = model });
            }
        }

        return bound;
    }

    /// <remarks>
    /// One joined query in run order, reading the JSON columns as text: the input shapes are parsed once per distinct text
    /// (runs share a handful), and the validity reasons only for invalid runs. Runs on the open connection of
    /// <paramref name="db"/>, inside its transaction.
    /// </remarks>
    private static List<MeasuredRun> ReadRuns(EfficiencyContext db, Dictionary<int, Model> models, long afterRunId, CancellationToken cancellationToken)
    {
        var shapes = new Dictionary<string, string>(StringComparer.Ordinal);
        var runs = new List<MeasuredRun>();
        var sql = $"""
            SELECT r.Id, r.ModelId, r.HardwareId, {EnumIndex<ExecutionProvider>("x.ActualExecutionProvider")}, {EnumIndex<Scenario>("r.Scenario")},
                   r.BatchSize, r.InputShapes, x.ThroughputPerSecond, x.EnergyPerInferenceJ, x.IsValid,
                   CASE WHEN x.IsValid THEN NULL ELSE (SELECT v.ValidityReasons FROM RunResults AS v WHERE v.RunId = r.Id) END,
                   x.MeasuredAtUtc
            FROM Runs AS r JOIN RunResults AS x ON x.RunId = r.Id
            WHERE r.Status = ?1 AND x.ThroughputPerSecond > 0 AND r.Id > ?2
            ORDER BY x.RunId
            """;

        // In run order (x.RunId = r.Id; ordered by the result's id, SQLite walks the covering index of RunResults in order
        // rather than sorting). Stepped with SQLite's own API: 100,000s of rows, where a data reader's per-value checks and strings are most of the time.
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        using (statement)
        {
            Check(handle, raw.sqlite3_bind_text(statement, 1, nameof(RunStatus.Succeeded)));
            Check(handle, raw.sqlite3_bind_int64(statement, 2, afterRunId));
            byte[] lastShapes = [];
            var lastSetup = "";
            while (true)
            {
                var rc = raw.sqlite3_step(statement);
                if (rc == raw.SQLITE_DONE)
                {
                    break;
                }

                if (rc != raw.SQLITE_ROW)
                {
                    Check(handle, rc);
                }

                cancellationToken.ThrowIfCancellationRequested();
                if (!models.TryGetValue(raw.sqlite3_column_int(statement, 1), out var model))
                {
                    continue;
                }

                var inputShapes = raw.sqlite3_column_blob(statement, 6);
                if (!inputShapes.SequenceEqual(lastShapes))
                {
                    var text = Encoding.UTF8.GetString(inputShapes);
                    if (!shapes.TryGetValue(text, out lastSetup))
                    {
                        lastSetup = shapes[text] = DescribeInputShapes(
                            text.Length == 0 ? [] : JsonSerializer.Deserialize<Dictionary<string, int[]>>(text, JsonOptions) ?? []);
                    }

                    lastShapes = inputShapes.ToArray();
                }

                var isValid = raw.sqlite3_column_int64(statement, 9) != 0;
                runs.Add(new MeasuredRun(
                    raw.sqlite3_column_int64(statement, 0),
                    model,
                    raw.sqlite3_column_type(statement, 2) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int(statement, 2),
                    EnumAt<ExecutionProvider>(raw.sqlite3_column_int(statement, 3)),
                    EnumAt<Scenario>(raw.sqlite3_column_int(statement, 4)),
                    raw.sqlite3_column_int(statement, 5),
                    lastSetup,
                    raw.sqlite3_column_double(statement, 7),
                    raw.sqlite3_column_type(statement, 8) == raw.SQLITE_NULL ? null : raw.sqlite3_column_double(statement, 8),
                    isValid,
                    isValid ? null : string.Join(" ", ValidityReasonsOf(
                        raw.sqlite3_column_type(statement, 10) == raw.SQLITE_NULL ? null : Encoding.UTF8.GetString(raw.sqlite3_column_blob(statement, 10))).Select(v => v.Message)),
                    ParseDateTime(raw.sqlite3_column_blob(statement, 11))));
            }
        }

        return runs;
    }

    /// <summary>An enum column (stored as its name) as the index of the name in <see cref="Enum.GetValues{TEnum}"/>; -1 for an unknown name.</summary>
    /// <remarks>The names are the enum's own identifiers, safe to write into the SQL.</remarks>
    private static string EnumIndex<TEnum>(string column) where TEnum : struct, Enum =>
        $"CASE {column} {string.Join(" ", Enum.GetNames<TEnum>().Select((name, i) => $"WHEN '{name}' THEN {i.ToString(CultureInfo.InvariantCulture)}"))} ELSE -1 END";

    private static TEnum EnumAt<TEnum>(int index) where TEnum : struct, Enum =>
        index >= 0 ? EnumValues<TEnum>.All[index] : throw new InvalidOperationException($"A stored {typeof(TEnum).Name} is not one of its names.");

    private static class EnumValues<TEnum> where TEnum : struct, Enum
    {
        public static readonly TEnum[] All = Enum.GetValues<TEnum>();
    }

    /// <summary>How the JSON columns are written (see the Core data layer's JSON column converter).</summary>
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// A stored time as the SQLite provider reads one (DateTime.Parse of the text, invariant culture), with a fast path
    /// for the "yyyy-MM-dd HH:mm:ss[.fffffff]" text that EF Core and SQLite's datetime() write.
    /// </summary>
    private static DateTime ParseDateTime(ReadOnlySpan<byte> s)
    {
        if (s.Length is >= 19 and <= 27 && s[4] == '-' && s[7] == '-' && s[10] == ' ' && s[13] == ':' && s[16] == ':'
            && (s.Length == 19 || (s[19] == '.' && s.Length > 20))
            && Digits(s[..4], out var year) && Digits(s[5..7], out var month) && Digits(s[8..10], out var day)
            && Digits(s[11..13], out var hour) && Digits(s[14..16], out var minute) && Digits(s[17..19], out var second)
            && (s.Length == 19 || Digits(s[20..], out _))
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) && hour < 24 && minute < 60 && second < 60)
        {
            var ticks = 0L;
            if (s.Length > 19)
            {
                Digits(s[20..], out var digits);
                ticks = digits;
                for (var i = s.Length - 20; i < 7; i++)
                {
                    ticks *= 10;
                }
            }

            return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        }

        return DateTime.Parse(Encoding.UTF8.GetString(s), CultureInfo.InvariantCulture);
    }

    private static bool Digits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (var b in s)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    private static void Check(SQLitePCL.sqlite3 handle, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE))
        {
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc);
        }
    }

    private static List<ValidityReason> ValidityReasonsOf(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<ValidityReason>>(json, JsonOptions) ?? [];

    private static string DescribeInputShapes(Dictionary<string, int[]> inputShapes) =>
        string.Join("; ", inputShapes.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}=[{string.Join(",", s.Value)}]"));

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
